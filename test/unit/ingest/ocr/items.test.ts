import { describe, expect, it } from 'vitest';
import { repairAmount, scanRuns } from '../../../../src/lib/ingest/ocr/items';
import type { OcrRead, OcrWord, ScanImage } from '../../../../src/lib/ingest/ocr/types';

// What OCR read → runs on the page, driven by hand-built words: an image of 1000 × 1000 pixels drawn
// over a page of 500 × 500 points (2 pixels a point), top left at the page's top left.
const image: ScanImage = { width: 1000, height: 1000, data: new Uint8Array(0), matrix: [500, 0, 0, -500, 0, 500] };
const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 90): OcrWord => ({ text, box: [x0, y0, x1, y1], confidence });
const read = (words: OcrWord[], digits: OcrWord[] = [], skew = 0): OcrRead => ({ words, digits, skew });
const texts = (r: OcrRead) => scanRuns(r, image).map((x) => x.str);

describe('OCR words → runs', () => {
  it('runs a cell’s characters together, keeps cells apart, and places the run on the page', () => {
    const runs = scanRuns(read([word('一般', 100, 100, 160, 130), word('公共', 165, 100, 225, 130), word('服务', 400, 100, 460, 130)]), image);
    expect(runs.map((r) => r.str)).toEqual(['一般公共', '服务']);
    // Displayed coordinates (y down): the baseline at the words' bottom, 130 px → 65 pt; x in points.
    expect(runs[0]).toMatchObject({ x0: 50, x1: 112.5, y0: 65, y1: 65 });
    expect(runs[0].size).toBeCloseTo(15);
  });

  it('takes an amount from the digits model where it read the same place with as many characters', () => {
    const words = [word('收入', 100, 100, 160, 130), word('3,308,044.00', 300, 100, 460, 130)];
    const digits = [word('3,508,644.00', 302, 101, 461, 130)];
    expect(texts(read(words, digits))).toEqual(['收入', '3,508,644.00']);
  });

  it('refuses a digits reading that took in a neighbouring character (「2025」 and its 「年」 read 「20255」)', () => {
    const words = [word('2025', 100, 100, 160, 130), word('年', 162, 100, 192, 130)];
    const digits = [word('20255', 100, 100, 185, 130)];
    // A number stands as a run of its own, as an amount does; the layout puts the line back together.
    expect(texts(read(words, digits))).toEqual(['2025', '年']);
  });

  it('joins an amount read in pieces, and never two amounts side by side', () => {
    const words = [word('371,', 100, 100, 140, 130), word('514,', 146, 100, 186, 130), word('655.', 192, 100, 232, 130), word('00', 238, 100, 260, 130), word('9,620.00', 300, 100, 380, 130)];
    expect(texts(read(words))).toEqual(['371,514,655.00', '9,620.00']);
  });

  it('takes pieces of one amount as the amount the digits model read over them, but never two cells’ amounts', () => {
    // 「1,774.70」 with its comma lost: the Chinese model reads 「1」 and 「774.70」 a gap apart.
    const words = [word('1', 100, 100, 110, 130), word('774.70', 124, 100, 200, 130), word('12.00', 300, 100, 350, 130), word('5.00', 380, 100, 420, 130)];
    const digits = [word('1,774.70', 100, 100, 200, 130), word('12.00', 300, 100, 350, 130), word('5.00', 380, 100, 420, 130)];
    expect(texts(read(words, digits))).toEqual(['1,774.70', '12.00', '5.00']);
    // A digits reading whose digits are not the pieces' (a neighbour taken in) joins nothing.
    expect(texts(read(words.slice(0, 2), [word('1,774.78', 100, 100, 200, 130)]))).toEqual(['1', '774.70']);
  });

  it('splits two cells a rule ran into (「00|1,」) and never runs text across a rule', () => {
    const words = [word('1,842.', 100, 100, 160, 130), word('00|1,', 166, 100, 216, 130), word('467.00', 222, 100, 282, 130)];
    expect(texts(read(words))).toEqual(['1,842.00', '1,467.00']);
    const heads = [word('财政拨款', 100, 100, 220, 130), word('|', 226, 90, 232, 140), word('事业收入', 236, 100, 356, 130)];
    expect(texts(read(heads))).toEqual(['财政拨款', '事业收入']);
  });

  it('repairs separators: a point among thousands is a comma, the last before two digits the decimal point', () => {
    expect(repairAmount('16.231,840.80')).toBe('16,231,840.80');
    expect(repairAmount('1.748.327.00')).toBe('1,748,327.00');
    expect(repairAmount('100,00')).toBe('100.00');
    expect(repairAmount('2025')).toBe('2025');
    expect(repairAmount('1,234')).toBe('1,234');
  });

  it('puts back what OCR loses in the words the reader keys on', () => {
    const line = (text: string) => texts(read([word(text, 100, 100, 100 + 30 * text.length, 130)]))[0];
    expect(line('2025年部门财务收文预算总表')).toBe('2025年部门财务收支预算总表');
    expect(line('社会保障和就业文出')).toBe('社会保障和就业支出');
    expect(line('般公共预算财政拨款支出表')).toBe('一般公共预算财政拨款支出表');
    expect(line('单位，元')).toBe('单位：元');
    expect(line('单位元')).toBe('单位：元');
    expect(line('编制部门上海市普陀区财政局')).toBe('编制部门：上海市普陀区财政局');
    expect(line('、卫生健康支出')).toBe('卫生健康支出');
    expect(line('音计')).toBe('合计');
    expect(line('2017年财政拨亚收支预算总表')).toBe('2017年财政拨款收支预算总表');
    expect(line('财政拨付资金')).toBe('财政拨付资金');
    expect(line('（一)因公出国〈境)费0万元')).toBe('（一)因公出国（境)费0万元');
    expect(line('《预算法》')).toBe('《预算法》');
    expect(line('小计')).toBe('小计');
    expect(line('2025年部门收入预算总表pp')).toBe('2025年部门收入预算总表');
  });

  it('drops specks (a character a third of the usual height, punctuation at no confidence) but keeps 一', () => {
    const body = [word('事业', 100, 300, 160, 330), word('收入', 170, 300, 230, 330), word('其他', 300, 300, 360, 330)];
    const words = [word('财政', 100, 100, 160, 130), word('网', 162, 128, 180, 134, 12), word('拨款', 182, 100, 242, 130), word('，', 250, 125, 255, 130, 0), word('一', 300, 112, 330, 118), ...body];
    expect(texts(read(words))).toEqual(['财政拨款', '一', '事业收入', '其他']);
    // 元 after 万, boxed by its last stroke: 10 pixels in a line 35 high.
    const unit = [word('166.66', 300, 100, 380, 127), word('万', 400, 97, 446, 131), word('元', 467, 118, 473, 128), word('，主要', 479, 96, 560, 131), ...body];
    expect(texts(read(unit))).toEqual(['166.66', '万元，主要', '事业收入', '其他']);
  });

  it('keeps a row one line on a page scanned askew', () => {
    // Falling 1.2° to the right: 20 pixels over 1000. Straightened, the row's words meet on one line.
    const skew = (1.2 * Math.PI) / 180;
    const words = [word('合计', 50, 500, 110, 530), word('1,234.00', 850, 518, 950, 548)];
    const runs = scanRuns(read(words, [], skew), image);
    expect(runs.map((r) => r.str)).toEqual(['合计', '1,234.00']);
    expect(Math.abs(runs[0].y0 - runs[1].y0)).toBeLessThan(1);
    // Without the skew they are two lines 9 pt apart.
    const [a, b] = scanRuns(read(words), image);
    expect(Math.abs(a.y0 - b.y0)).toBeGreaterThan(8);
  });

  it('takes no amount from the digits model where it read a mark shorter than a digit (a quote read 「7」)', () => {
    const words = [word('住房公积金（项）', 100, 100, 340, 135), word('”204.', 395, 102, 460, 129), word('91', 470, 102, 497, 129), word('万元', 510, 100, 560, 135)];
    const digits = [word('7', 360, 101, 374, 112), word('204.91', 395, 102, 505, 129)];
    expect(texts(read(words, digits))).toEqual(['住房公积金（项）', '204.91', '万元']);
    // Of a digit's height, but touching the digits the Chinese model read (「7」 from 「）”」).
    expect(texts(read(words, [word('7', 370, 100, 384, 129), digits[1]]))).toEqual(['住房公积金（项）', '204.91', '万元']);
    expect(texts(read(words, [word('7', 354, 100, 363, 130), digits[1]]))).toEqual(['住房公积金（项）', '204.91', '万元']);
    // A digit the Chinese model left unread, of a digit's height, is still taken.
    expect(texts(read(words.slice(0, 1), [word('7', 360, 101, 374, 129)]))).toEqual(['住房公积金（项）', '7']);
  });

  it('gives a line one baseline: digits are boxed tightly, CJK characters a line high', () => {
    // 「2025」 boxed 334–370, its 「年」 330–386 (a narrative's line at 200 dpi).
    const runs = scanRuns(read([word('2025', 100, 334, 180, 370), word('年', 190, 330, 220, 386), word('收入', 230, 330, 290, 386)]), image);
    expect(runs.map((r) => r.str)).toEqual(['2025', '年收入']);
    expect(runs[0].y0).toBe(runs[1].y0);
  });

  it('draws no line through the thin box of 一, and puts a 元 boxed by a stroke on its line', () => {
    // 「，一般」 with 一 boxed 3 px tall; 「万元」 with 元 boxed by its last stroke, low in the line.
    const words = [word('，', 253, 469, 289, 524), word('一', 288, 487, 315, 490), word('般', 332, 473, 355, 508), word('107.62', 400, 478, 480, 505), word('万', 490, 475, 520, 509), word('元', 534, 491, 539, 508), word('；政府', 545, 473, 620, 509)];
    expect(texts(read(words))).toEqual(['，一般', '107.62', '万元；政府']);
  });

  it('joins an amount OCR read in pieces in running text: a quote before it, a loose box', () => {
    // 「”1,623.18万元」: the quote read onto the first piece; 「121.」 boxed over the 「42」 after it.
    const words = [word('”1,', 100, 100, 150, 135), word('623.', 164, 102, 227, 129), word('18', 249, 102, 276, 129), word('万元', 292, 100, 340, 135)];
    expect(texts(read(words))).toEqual(['1,623.18', '万元']);
    const loose = [word('3,', 100, 100, 118, 135), word('121.', 134, 102, 341, 135), word('42', 219, 100, 261, 135), word('万', 261, 100, 310, 135)];
    expect(texts(read(loose))).toEqual(['3,121.42', '万']);
  });
});
