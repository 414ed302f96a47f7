/**
 * Writes the legacy .xls and .doc fixtures of test/unit/ingest/office/xls/ and doc/ with LibreOffice
 * (`soffice`, Debian's libreoffice-calc-nogui and libreoffice-writer-nogui): an independent writer of
 * both binary formats, so the tests do not read back what our own code wrote. Not run by CI (the
 * fixtures are committed); run it again only to change them:
 *
 *   npx tsx scripts/office-fixtures.ts
 *
 * - each Hebei seed as the .xlsx the office tests build (a sheet per table, merged titles and header
 *   cells), converted to .xls: shared strings across CONTINUE records, RK/MULRK/NUMBER cells, merges;
 * - seed 003's 一般公共预算支出表 with its sums as formulas (a flat ODS converted to .xls): FORMULA
 *   records with cached numbers. (LibreOffice 7.4 saves a string formula's result as 0 with no STRING
 *   record, so that path is tested on records built in the test.)
 * - seeds 001 and 003 as the .docx the office tests build, converted to .doc: pieces of UTF-16 text,
 *   table cells and rows (a wide table's row end in the Data stream); 003's with a PAGE field in its
 *   table of contents (fields.doc).
 * - web pages (test/unit/ingest/html/, gzipped): seeds 003 and 004 as Writer saves a document as
 *   HTML, 000's re-encoded as GBK (charset=gb2312, as older sites serve pages), and seed 003's
 *   workbook as Calc saves it (a table per sheet, merged cells as colspan, every row to the sheet's
 *   width).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeXlsx } from '../src/lib/ingest/office/write';
import { docxOf, rowsOf, sheetsOf, withMerges } from '../test/unit/ingest/office/fixtures';
import { seedFiles, seedText } from '../test/unit/ingest/seeds';

const out = path.resolve('test/unit/ingest/office');
const work = mkdtempSync(path.join(tmpdir(), 'office-fixtures-'));

for (const file of seedFiles) {
  const sheets = withMerges(sheetsOf(rowsOf(seedText(file)), { perTable: true, noise: false }));
  writeFileSync(path.join(work, `${file.replace(/\.txt$/, '')}.xlsx`), writeXlsx(sheets));
}
writeFileSync(path.join(work, 'formulas.fods'), formulaSheet());
for (const seed of ['000_90f61d72552513ea', '003_3753cf426c7ec0a0', '004_4e927ba8514049a8']) writeFileSync(path.join(work, `page-${seed}.docx`), docxOf(seedText(`${seed}.txt`)));
writeFileSync(path.join(work, 'sheet-003_3753cf426c7ec0a0.xlsx'), writeXlsx(withMerges(sheetsOf(rowsOf(seedText('003_3753cf426c7ec0a0.txt')), { perTable: true, noise: false }))));
// Two seeds only: LibreOffice's .doc of a seed is 0.3–1.5 MB.
writeFileSync(path.join(work, '001_0e01da1d0149c9a7.docx'), docxOf(seedText('001_0e01da1d0149c9a7.txt')));
writeFileSync(path.join(work, 'fields.docx'), withPageField(docxOf(seedText('003_3753cf426c7ec0a0.txt'))));

// LibreOffice keeps an ODF file's cached results unless told to recalculate on load: told to, the
// values saved with the formulas are its own.
mkdirSync(path.join(work, '.config/libreoffice/4/user'), { recursive: true });
writeFileSync(path.join(work, '.config/libreoffice/4/user/registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`);
const convert = (filter: string, inputs: string[], extra: string[] = []) =>
  execFileSync('soffice', ['--headless', '--norestore', ...extra, '--convert-to', filter, '--outdir', work, ...inputs.map((f) => path.join(work, f))], {
    stdio: 'inherit', env: { ...process.env, HOME: work },
  });
convert('xls:MS Excel 97', readdirSync(work).filter((f) => /\.(xlsx|fods)$/.test(f) && !f.startsWith('sheet-')));
// Our .docx has no content-type override for its main part: LibreOffice is told what it is.
convert('doc:MS Word 97', readdirSync(work).filter((f) => f.endsWith('.docx') && !f.startsWith('page-')), ['--infilter=MS Word 2007 XML']);
convert('html:HTML (StarWriter)', readdirSync(work).filter((f) => f.startsWith('page-')), ['--infilter=MS Word 2007 XML']);
convert('html:HTML (StarCalc)', readdirSync(work).filter((f) => f.startsWith('sheet-')));
for (const f of readdirSync(work).filter((x) => x.endsWith('.html'))) {
  let html = readFileSync(path.join(work, f));
  if (f.startsWith('page-000')) {
    html = Buffer.from(html.toString('utf8').replace('charset=utf-8', 'charset=gb2312'));
    html = execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk'], { input: html });
  }
  writeFileSync(path.join(out, '..', 'html', `${f}.gz`), gzipSync(html, { mtime: 0 }));
}
for (const f of readdirSync(work).filter((x) => x.endsWith('.xls'))) renameSync(path.join(work, f), path.join(out, 'xls', f));
for (const f of readdirSync(work).filter((x) => x.endsWith('.doc'))) renameSync(path.join(work, f), path.join(out, 'doc', f));
rmSync(work, { recursive: true, force: true });

/**
 * Seed 003's 一般公共预算财政拨款支出表: codes as text, amounts as numbers; every 合计 (C) is =D+E, each
 * 类 and 款 the SUM of the rows under it, the table's 合计 the SUM of the 类. LibreOffice is told to
 * recalculate on load all the same (the cached values written are the right ones).
 */
function formulaSheet(): string {
  const rows: [string, string, number | null, number | null][] = [
    ['201', '一般公共服务支出', null, null], ['20140', '信访事务', null, null], ['2014001', '行政运行', 692.95, 0], ['2014004', '信访业务', 0, 440.16],
    ['2014099', '其他信访事务支出', 84.83, 19.2], ['208', '社会保障和就业支出', null, null], ['20805', '行政事业单位养老支出', null, null],
    ['2080501', '行政单位离退休', 69.34, 0], ['2080505', '机关事业单位基本养老保险缴费支出', 85.87, 0], ['2080506', '机关事业单位职业年金缴费支出', 4.08, 0],
    ['2080507', '对机关事业单位基本养老保险基金的补助', 0, 8.77], ['210', '卫生健康支出', null, null], ['21011', '行政事业单位医疗', null, null],
    ['2101101', '行政单位医疗', 30.41, 0], ['2101102', '事业单位医疗', 3.72, 0], ['2101103', '公务员医疗补助', 39.92, 0],
    ['221', '住房保障支出', null, null], ['22102', '住房改革支出', null, null], ['2210201', '住房公积金', 70.88, 0],
  ];
  const first = 7; // the 合计 row is 6, the data from 7
  const at = (code: string) => first + rows.findIndex((r) => r[0] === code);
  const children = (code: string) => rows.filter((r) => r[0].length === code.length + 2 && r[0].startsWith(code));
  const values = new Map<string, [number, number]>();
  const valueOf = (code: string): [number, number] => {
    const own = rows.find((r) => r[0] === code)!;
    if (own[2] !== null) return [own[2], own[3]!];
    const kids = children(code).map((k) => valueOf(k[0]));
    return [kids.reduce((a, k) => a + k[0], 0), kids.reduce((a, k) => a + k[1], 0)];
  };
  for (const r of rows) values.set(r[0], valueOf(r[0]));
  const classes = rows.filter((r) => r[0].length === 3);
  const total: [number, number] = [classes.reduce((a, c) => a + values.get(c[0])![0], 0), classes.reduce((a, c) => a + values.get(c[0])![1], 0)];
  const round = (n: number) => Math.round(n * 100) / 100;
  const num = (v: number, formula?: string) => `<table:table-cell office:value-type="float" office:value="${round(v)}"${formula ? ` table:formula="${formula}"` : ''}/>`;
  const str = (s: string, formula?: string) => `<table:table-cell office:value-type="string"${formula ? ` table:formula="${formula}" office:string-value="${s}"` : ''}><text:p>${s}</text:p></table:table-cell>`;
  const sumOf = (col: string, codes: string[]) => `of:=SUM(${codes.map((c) => `[.${col}${at(c)}]`).join(';')})`;
  const line = (cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
  const body = [
    line([str('部门预算一般公共预算财政拨款支出表')]),
    line([str('543 信访局（市委群工部）')]),
    line([str('预算年度：2024')]),
    line([str('单位：万元')]),
    line([str('科目编码'), str('科目名称'), str('合计'), str('基本支出'), str('项目支出')]),
    line([str(''), str('合计'), num(total[0] + total[1], 'of:=[.D6]+[.E6]'), num(total[0], sumOf('D', classes.map((c) => c[0]))), num(total[1], sumOf('E', classes.map((c) => c[0])))]),
    ...rows.map(([code, name], i) => {
      const [basic, project] = values.get(code)!;
      const row = first + i;
      const leaf = rows[i][2] !== null;
      const kids = children(code).map((k) => k[0]);
      return line([str(code), str(name), num(basic + project, `of:=[.D${row}]+[.E${row}]`), leaf ? num(basic) : num(basic, sumOf('D', kids)), leaf ? num(project) : num(project, sumOf('E', kids))]);
    }),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="一般公共预算支出表">${body.join('\n')}</table:table></office:spreadsheet></office:body></office:document>`;
}

/** The .docx with a PAGE field (result 「1」) after the first 「部门预算收支总表 .....」 of its contents. */
function withPageField(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']);
  const at = xml.indexOf('部门预算收支总表 .....');
  const close = xml.indexOf('</w:p>', at);
  if (at < 0 || close < 0) throw new Error('no contents line to put a field in');
  files['word/document.xml'] = strToU8(`${xml.slice(0, close)}<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>${xml.slice(close)}`);
  return zipSync(files);
}
