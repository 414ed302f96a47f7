import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/ingest/file';
import { htmlText, looksLikeHtml } from '../../../src/lib/ingest/html';
import { readOffice } from '../../../src/lib/ingest/office/read';
import { docxOf } from './office/fixtures';
import { mismatches } from './pdf/corpus';
import { gold, seedFiles, seedText } from './seeds';

/**
 * Web pages: how a government site publishes a disclosure and a browser saves it. The fixtures in
 * html/ were written by LibreOffice (scripts/office-fixtures.ts): seeds as Writer saves a document
 * as HTML (000's re-encoded as GBK), and seed 003's workbook as Calc saves it. Before, a page was read
 * as text, tags and all, and refused (「不像是部门预算或决算公开文件」).
 */
const page = (name: string) => gunzipSync(new Uint8Array(readFileSync(path.join(__dirname, 'html', `${name}.html.gz`))));

async function goldOf(bytes: Uint8Array, seed: string) {
  const result = await importFile(bytes, `${seed}.html`);
  if (!result.ok) throw new Error(result.error);
  const expected = gold.documents.filter((d) => d.file === seed);
  expect(result.docs.map((d) => [d.meta.unitName, d.meta.year])).toEqual(expected.map((g) => [g.unit_name, g.year]));
  expected.forEach((g, i) => expect(mismatches(g.figures, result.docs[i].figures), `document ${i + 1}`).toEqual([]));
  return result;
}

describe('a disclosure saved as a web page', () => {
  it.each(['000_90f61d72552513ea', '003_3753cf426c7ec0a0', '004_4e927ba8514049a8'])('%s as Writer saves it: every gold figure, and the warnings the text gives, no more', { timeout: 60_000 }, async (seed) => {
    const result = await goldOf(page(`page-${seed}`), `${seed}.txt`);
    const text = await importFile(new TextEncoder().encode(seedText(`${seed}.txt`)), `${seed}.txt`);
    if (!text.ok) throw new Error(text.error);
    const messages = (docs: typeof text.docs) => docs.flatMap((d) => d.warnings.map((w) => w.message));
    expect(messages(result.docs)).toEqual(messages(text.docs));
  });

  it('gives the text a .docx of the same document gives, paragraph by paragraph and row by row', () => {
    const docx = readOffice(docxOf(seedText('003_3753cf426c7ec0a0.txt')), 'a.docx');
    if (!docx.ok) throw new Error(docx.error);
    const lines = (t: string) => t.split('\n').filter((l) => l !== '');
    expect(lines(htmlText(new TextDecoder().decode(page('page-003_3753cf426c7ec0a0'))))).toEqual(lines(docx.text));
  });

  it('a workbook saved by Calc (merged cells as colspan, every row blank to the sheet\'s width): every gold figure', { timeout: 60_000 }, async () => {
    const result = await goldOf(page('sheet-003_3753cf426c7ec0a0'), '003_3753cf426c7ec0a0.txt');
    expect(result.docs[0].warnings).toEqual([]);
  });

  it('is no web page when it is a disclosure saved as text', () => {
    for (const file of seedFiles) expect(looksLikeHtml(seedText(file)), file).toBe(false);
  });
});

/** Bytes as quoted-printable, lines of at most 76 characters with soft breaks, CRLF. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let line = '';
  for (const b of bytes) {
    const piece = b === 0x0a ? '\r\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\r\n') {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

/**
 * A page saved as one file: Word's 「单个文件网页」 (.mht; GBK, quoted-printable, an image part
 * beside it) and a browser's 「网页，单个文件」 (.mhtml; UTF-8, here base64).
 */
describe('a disclosure saved as a single-file web page (MHTML)', () => {
  const image = 'Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: file:///C:/image001.png\r\n\r\niVBORw0KGgo=\r\n';
  it('Word\'s .mht of seed 000 (gb2312, quoted-printable): every gold figure, and the warnings the text gives', { timeout: 60_000 }, async () => {
    const b = '----=_NextPart_01DA1234.56789ABC';
    const mht = `MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary="${b}"\r\n\r\n此文档为“单个文件网页”。\r\n\r\n--${b}\r\nContent-Location: file:///C:/page.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n${quotedPrintable(page('page-000_90f61d72552513ea'))}\r\n\r\n--${b}\r\n${image}\r\n--${b}--\r\n`;
    const result = await goldOf(new TextEncoder().encode(mht), '000_90f61d72552513ea.txt');
    const text = await importFile(new TextEncoder().encode(seedText('000_90f61d72552513ea.txt')), 'a.txt');
    if (!text.ok) throw new Error(text.error);
    expect(result.docs.flatMap((d) => d.warnings.map((w) => w.message))).toEqual(text.docs.flatMap((d) => d.warnings.map((w) => w.message)));
  });

  it('a browser\'s .mhtml of seed 003 (utf-8, base64): every gold figure', { timeout: 60_000 }, async () => {
    const b = '----MultipartBoundary--AbCdEf----';
    const html = page('page-003_3753cf426c7ec0a0');
    const encoded = btoa(Array.from(html, (x) => String.fromCharCode(x)).join('')).replace(/.{76}/g, '$&\r\n');
    const mhtml = `From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.gov.cn/yjsgk/1.html\r\nSubject: 2024年部门预算\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${b}"\r\n\r\n\r\n--${b}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: base64\r\n\r\n${encoded}\r\n\r\n--${b}\r\n${image}\r\n--${b}--\r\n`;
    await goldOf(new TextEncoder().encode(mhtml), '003_3753cf426c7ec0a0.txt');
  });
});

describe('how a page\'s markup becomes lines and cells', () => {
  it('colspan leaves blank cells after the cell, rowspan a blank cell in the rows below', () => {
    const html = `<html><body><table>
      <tr><td rowspan="2">科目编码</td><td rowspan=2>科目名称</td><td colspan="3">本年支出</td></tr>
      <tr><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
      <tr><td>201</td><td>一般公共服务支出</td><td>1,237.14</td><td>777.78</td><td>459.36</td></tr>
    </table></body></html>`;
    expect(htmlText(html).split('\n')).toEqual(['科目编码\t科目名称\t本年支出\t\t', '\t\t合计\t基本支出\t项目支出', '201\t一般公共服务支出\t1,237.14\t777.78\t459.36']);
  });

  it('scripts, styles, comments and the head are no text; entities decode; whitespace collapses; a cell\'s paragraphs are one cell', () => {
    const html = `<!DOCTYPE html><html><head><title>标题</title><style>td { color: red }</style></head><body>
      <script>document.write("<p>不是正文</p>")</script><!-- <p>注释</p> -->
      <p>2024年&nbsp;部门预算&ldquo;三公&rdquo;经费 &lt;说明&gt; &#20803;&#x5143;</p>
      <div>收入
         支出</div>
      <table><tr><td><p>行政</p><p>运行</p></td><td>1&nbsp;550.13</td></tr></table>
      <p>收入 &lt; 支出，a<b>粗</b>体</p></body></html>`;
    expect(htmlText(html).split('\n')).toEqual(['2024年 部门预算“三公”经费 <说明> 元元', '收入 支出', '行政运行\t1 550.13', '收入 < 支出，a粗体']);
  });

  it('rowspans ending a row leave their blank cells in column order, whatever order they were opened in', () => {
    // Column 4's rowspan opens before column 2's; both end on the short third row.
    const html = '<html><table><tr><td>A</td><td>B</td><td>C</td><td>D</td><td rowspan="3">E</td></tr><tr><td>F</td><td>G</td><td rowspan="2">H</td><td>I</td></tr><tr><td>J</td></tr><tr><td>K</td><td>L</td><td>M</td><td>N</td><td>O</td></tr></table></html>';
    expect(htmlText(html).split('\n')).toEqual(['A\tB\tC\tD\tE', 'F\tG\tH\tI\t', 'J\t\t\t\t', 'K\tL\tM\tN\tO']);
  });

  it('a cell\'s lines join as one, without a space between Chinese characters (as a .docx\'s do)', () => {
    expect(htmlText('<html><table><tr><td>一般公共服务<br>支出</td><td>1,237.14<br>万元</td><td>项目<br>name</td></tr></table></html>')).toBe('一般公共服务支出\t1,237.14 万元\t项目 name');
  });

  it('a site\'s navigation and side bar are no text of the document', () => {
    expect(htmlText('<html><body><nav><a>2023年部门决算</a></nav><aside><p>2022年部门决算</p></aside><article><h1>2024年部门预算</h1></article></body></html>')).toBe('2024年部门预算');
  });

  it('a table inside a cell is a table of its own; the cell\'s other text and its row\'s other cells are paragraphs', () => {
    expect(htmlText('<html><table><tr><td>甲<table><tr><td>乙</td><td>丙</td></tr></table></td><td>1.00</td></tr></table></html>').split('\n')).toEqual(['甲', '乙\t丙', '1.00']);
  });
});

describe('hostile and unusual pages', () => {
  it('a page with no disclosure: a message naming the file; broken markup and absurd spans: text, never an exception', async () => {
    const none = await importFile(new TextEncoder().encode('<!DOCTYPE html><html><body><p>欢迎访问</p></body></html>'), '首页.html');
    expect(none.ok ? '' : none.error).toMatch(/^「首页\.html」不像是部门预算或决算公开文件/);
    expect(() => htmlText('<html><table><tr><td colspan="99999999" rowspan="99999999">甲<td>乙<tr><td>丙</table></table></td><p>丁<script>')).not.toThrow();
    expect(htmlText('<html><table><tr><td colspan="99999999">甲</td></tr></table>').split('\t').length).toBeLessThanOrEqual(64);
    expect(htmlText('<html><p>甲<p>乙</html>')).toBe('甲\n乙');
  });
});

/**
 * Old government sites lay their pages out with tables: the article (title, paragraphs, the data
 * tables) sits in one cell of a page-wide table, beside a cell of links. Read as a data cell, the
 * whole article became one line of one cell.
 */
describe('a page laid out with tables', () => {
  it('a cell holding a table flows as paragraphs; the tables inside are tables', () => {
    const html = `<html><body><table width="100%"><tr><td>首页 政务公开</td><td>
      <h1>信访局2024年部门预算</h1><p>一、部门职责</p>
      <table><tr><td>科目编码</td><td>科目名称</td><td>合计</td></tr><tr><td>201</td><td>一般公共服务支出</td><td>1237.14</td></tr></table>
      <p>二、收支说明</p></td></tr><tr><td colspan="2">版权所有</td></tr></table></body></html>`;
    expect(htmlText(html).split('\n')).toEqual(['首页 政务公开', '信访局2024年部门预算', '一、部门职责', '科目编码\t科目名称\t合计', '201\t一般公共服务支出\t1237.14', '二、收支说明', '版权所有\t']);
  });

  it('seed 003\'s page inside a layout table gives every gold figure', { timeout: 60_000 }, async () => {
    const inner = new TextDecoder().decode(page('page-003_3753cf426c7ec0a0')).replace(/^[^]*?<body[^>]*>/, '').replace(/<\/body>[^]*$/, '');
    const wrapped = `<!DOCTYPE html><html><body><table><tr><td width="200"><a href="/">首页</a><br><a href="/zwgk">政务公开</a></td><td>${inner}</td></tr></table></body></html>`;
    await goldOf(new TextEncoder().encode(wrapped), '003_3753cf426c7ec0a0.txt');
  });

  it('finds the cells that hold tables without scanning the page once per cell', () => {
    // 40,000 cells after the page's only table: one scan per cell was 40,000 scans of the page.
    const cells = '<tr><td>甲</td><td>1.00</td></tr>'.repeat(20_000);
    const text = htmlText(`<html><table><tr><td><table><tr><td>x</td></tr></table></td></tr></table><table>${cells}</table></html>`);
    expect(text.split('\n').length).toBe(20_001);
  });
});
