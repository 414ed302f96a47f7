import { describe, expect, it } from 'vitest';
import { readPdfPages } from '../../../../src/lib/ingest/pdf/read';
import type { PdfTextItem } from '../../../../src/lib/ingest/pdf/types';
import { page, run } from './pageItems';

/**
 * A Word table's PDF (人大 2019, 公开表一) prints 「部门：」 at the left of the unit's line and the name
 * centred in a wide cell 100 pt to its right: two cells, neither of them a unit line, and the
 * document was 「未找到单位编码和名称」.
 */
function fiscalBasic(label: PdfTextItem[]): PdfTextItem[] {
  return [
    run('财政拨款基本支出预算表', 164, 637, { size: 14 }),
    ...label, run('单位：万元', 489, 616),
    run('科目编码', 123, 588), run('科目名称', 281, 588), run('金额', 449, 588),
    run('合计', 298, 559), run('7,877.76', 530, 559, { right: true }),
    run('301', 90, 536), run('工资福利支出', 220, 536), run('5,877.76', 530, 536, { right: true }),
    run('302', 90, 513), run('商品和服务支出', 220, 513), run('2,000.00', 530, 513, { right: true }),
  ];
}

const read = (items: PdfTextItem[]) => {
  const r = readPdfPages([page(items)], 't.pdf');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};

describe('「部门：」 printed apart from the name it labels', () => {
  it('names the unit, and the table reads as with the name beside its label', () => {
    const apart = read(fiscalBasic([run('部门：', 90, 616), run('江苏省人大常委会办公厅', 220, 616)]));
    const beside = read(fiscalBasic([run('部门：江苏省人大常委会办公厅', 90, 616)]));
    expect(apart.meta.unitName).toBe('江苏省人大常委会办公厅');
    expect(apart.warnings.map((w) => w.message)).not.toContain('未找到单位编码和名称');
    expect(apart.figures).toEqual(beside.figures);
  });
});
