import { describe, expect, it } from 'vitest';
import { docxText } from '../../../../src/lib/ingest/office/docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (t: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(t)}</w:tc>`;

describe('docxText: Word → the text layout the text reader knows', () => {
  it('gives paragraphs on lines of their own and tables as tab rows, in document order', () => {
    const text = docxText(doc(`${p('一、收支总表')}<w:tbl><w:tr>${tc('项目')}${tc('金额')}</w:tr><w:tr>${tc('合计')}${tc('1,234.56')}</w:tr></w:tbl>${p('注：本表无数据')}`));
    expect(text.split('\n').filter(Boolean)).toEqual(['一、收支总表', '项目\t金额', '合计\t1,234.56', '注：本表无数据']);
  });

  it('adds blank cells after a cell spanning columns, and leaves a vertical merge\'s continuation blank', () => {
    const head = `<w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('本年收入', '<w:gridSpan w:val="2"/>')}${tc('上年结转')}</w:tr>`;
    const second = `<w:tr>${tc('', '<w:vMerge/>')}${tc('财政拨款')}${tc('其他')}${tc('')}</w:tr>`;
    const text = docxText(doc(`<w:tbl>${head}${second}</w:tbl>`));
    expect(text.split('\n').filter(Boolean)).toEqual(['项目\t本年收入\t\t上年结转', '\t财政拨款\t其他\t']);
  });

  it('reads tab characters, not tab stops; skips deleted text and field codes; joins a cell\'s paragraphs', () => {
    const para = `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>目录</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>3</w:t></w:r>`
      + `<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:instrText>PAGEREF _Toc1</w:instrText></w:r></w:p>`;
    const cell = `<w:tbl><w:tr><w:tc>${p('一般公共')}${p('服务支出')}</w:tc>${tc('5')}</w:tr></w:tbl>`;
    expect(docxText(doc(para + cell)).split('\n').filter(Boolean)).toEqual(['目录\t3', '一般公共服务支出\t5']);
  });
});
