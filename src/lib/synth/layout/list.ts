import type { LayoutVariant } from './variants';

/**
 * The variants of the layout-robustness suite, one test each (test/unit/ingest/pdf/layouts.test.ts).
 * Units and years are picked so that, together, the Jiangsu variants print 政府性基金 items and none
 * (its 合计 then prints 0), 其他资金 and none, 因公出国 and 公务用车购置 (the suite checks this).
 */
export const LAYOUT_VARIANTS: readonly LayoutVariant[] = [
  // National nine tables (the Hebei seeds' template). The control prints as the seeds' PDFs do; every
  // other national variant changes one thing from national-merged-headers.
  { id: 'national-flat-headers', about: '全国九表（冀式），万元，A4 横向，表头逐格排（无合并格），同种子 PDF：对照组', template: 'national', unit: 'wan', titles: {}, paper: 'a4-landscape', rotation: 'none', flatHeaders: true, unitIndex: 0, year: 2019 },
  { id: 'national-merged-headers', about: '全国九表，万元，A4 横向，多级表头（合并格，文字居中）', template: 'national', unit: 'wan', titles: {}, paper: 'a4-landscape', rotation: 'none', unitIndex: 15, year: 2020 },
  { id: 'national-yuan', about: '全国九表，元（含分）', template: 'national', unit: 'yuan', titles: {}, paper: 'a4-landscape', rotation: 'none', unitIndex: 1, year: 2020 },
  { id: 'national-a4-portrait', about: '全国九表，A4 纵向：长标签和表头在格内折行', template: 'national', unit: 'wan', titles: {}, paper: 'a4-portrait', rotation: 'none', unitIndex: 2, year: 2021 },
  { id: 'national-numbered-titles', about: '全国九表，标题带序号、年度和单位名称（「一、2020 年度…部门预算收支总表」）', template: 'national', unit: 'wan', titles: { numbered: true }, paper: 'a4-landscape', rotation: 'none', unitIndex: 4, year: 2020 },
  { id: 'national-prefixed-wrapped-titles', about: '全国九表，「公开01表」前缀，标题折成两行', template: 'national', unit: 'wan', titles: { prefixed: true, wrapped: true }, paper: 'a4-landscape', rotation: 'none', unitIndex: 5, year: 2021 },
  { id: 'national-rotated-pages', about: '全国九表，每页内容转 90° 排在纵向页上、/Rotate 90 转正', template: 'national', unit: 'wan', titles: {}, paper: 'a4-landscape', rotation: 'rotated', unitIndex: 7, year: 2019 },
  { id: 'national-sideways-pages', about: '全国九表，偶数页 /Rotate 90：显示时文字竖排，需转过来读', template: 'national', unit: 'wan', titles: {}, paper: 'a4-landscape', rotation: 'sideways', unitIndex: 8, year: 2018 },
  // Shanghai-like nine tables.
  { id: 'shanghai-yuan-a4-landscape', about: '上海式九表，类/款/项分列，元，三公表横排（万元）含机关运行经费', template: 'shanghai', unit: 'yuan', titles: {}, paper: 'a4-landscape', rotation: 'none', unitIndex: 12, year: 2021 },
  { id: 'shanghai-wan-a3-wrapped-titles', about: '上海式九表，万元，A3 横向，标题折行', template: 'shanghai', unit: 'wan', titles: { wrapped: true }, paper: 'a3-landscape', rotation: 'none', unitIndex: 13, year: 2020 },
  // Jiangsu's twelve tables.
  { id: 'jiangsu-a4-portrait-prefixed', about: '江苏十二表，「公开01表」前缀、（功能科目）后缀，A4 纵向，说明与表同一 PDF，表接排', template: 'jiangsu', unit: 'wan', titles: { prefixed: true, suffixed: true }, paper: 'a4-portrait', rotation: 'none', unitIndex: 9, year: 2017 },
  { id: 'jiangsu-numbered-titles', about: '江苏十二表，「一、2019 年度…部门收支预算总表」标题', template: 'jiangsu', unit: 'wan', titles: { numbered: true, suffixed: true }, paper: 'a4-portrait', rotation: 'none', unitIndex: 5, year: 2019 },
  { id: 'jiangsu-split-a3-landscape', about: '江苏十二表，说明（A4）与表（A3 横向）分两个 PDF，一个文件', template: 'jiangsu', unit: 'wan', titles: {}, paper: 'a3-landscape', rotation: 'none', split: true, unitIndex: 10, year: 2017 },
  { id: 'jiangsu-split-mixed-rotation', about: '江苏十二表，两个 PDF；表 PDF 各页 0°/90°/270° 混排（均显示为正）', template: 'jiangsu', unit: 'wan', titles: {}, paper: 'a3-landscape', rotation: 'mixed', split: true, unitIndex: 11, year: 2018 },
  { id: 'jiangsu-yuan-suffixed-wrapped', about: '江苏十二表，元，标题带后缀并折成两行，A4 横向', template: 'jiangsu', unit: 'yuan', titles: { suffixed: true, wrapped: true }, paper: 'a4-landscape', rotation: 'none', unitIndex: 6, year: 2018 },
  { id: 'jiangsu-a3-rotated-one-file', about: '江苏十二表，一个 PDF 混合纸张：说明 A4 纵向，表 A3 横向且内容转 90°（/Rotate 90）', template: 'jiangsu', unit: 'wan', titles: { prefixed: true }, paper: 'a3-landscape', rotation: 'rotated', unitIndex: 14, year: 2018 },
  { id: 'jiangsu-sideways-pages', about: '江苏十二表，偶数页 /Rotate 90：显示时文字竖排', template: 'jiangsu', unit: 'wan', titles: { suffixed: true }, paper: 'a4-landscape', rotation: 'sideways', unitIndex: 3, year: 2017 },
];
