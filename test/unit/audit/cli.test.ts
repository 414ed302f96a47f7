import Papa from 'papaparse';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/audit';
import { AUDIT_COLUMNS } from '../../../src/lib/audit/csv';
import { seedsDir } from '../../support/shared';

const seeds = seedsDir;
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(seeds, f));
const tmp = mkdtempSync(path.join(tmpdir(), 'audit-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

// Imports of PDFs and seeds: generous limits for a hang, not a speed goal.
describe('npm run audit', { timeout: 60_000 }, () => {
  it('audits PDFs too: a Shanghai training PDF, consistent by its gold notes, has no error', async () => {
    const pdf = path.resolve(seeds, '../corpus/shanghai/putuo-qzfb-2025-unit.pdf');
    const { code, stdout } = await run([pdf]);
    const rows = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.doc_id === '6a138c25953b')).toBe(true);
    expect(rows.filter((r) => r.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('takes a folder for every file under it (before: 「无法打开文件（EISDIR）」)', async () => {
    const folder = await run([seeds]);
    const files = await run(seedFiles);
    expect(folder.stderr).not.toContain('无法打开');
    expect(folder.stderr).toMatch(/^已审核 6 份文档/);
    expect([folder.code, folder.stdout, folder.stderr]).toEqual([files.code, files.stdout, files.stderr]);
  });

  it('prints a narrative finding with its sentence and page (czj 2025: 887.36 for 87.36)', async () => {
    const pdf = path.resolve(seeds, '../corpus/shanghai/putuo-czj-2025-department.pdf');
    const { code, stdout } = await run([pdf]);
    expect(code).toBe(1);
    const rows = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true }).data;
    const item = rows.find((r) => r.severity === 'error' && r.table === 'facts' && r.row_code === '2080506')!;
    expect(item.quote).toContain('887.36');
    expect(Number(item.page)).toBeGreaterThan(0);
  });

  it('names the file of a narrative given as its own PDF: its findings count lines and pages there', async () => {
    const dir = path.resolve(seeds, '../corpus/jiangsu');
    const tables = readdirSync(dir).filter((f) => f.endsWith('-tables.pdf')).sort()[0];
    const narrative = tables.replace(/-tables\.pdf$/, '-text.pdf');
    const { stdout } = await run([path.join(dir, tables), path.join(dir, narrative)]);
    const rows = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true }).data;
    // The narrative's sentence checks (its percentages) quote the narrative PDF, and say so.
    const quoted = rows.filter((r) => r.quote && r.check === 'narrative_percent');
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.every((r) => r.file === narrative)).toBe(true);
    // A table finding is the tables file's own: no file named.
    expect(rows.filter((r) => ['row_total', 'cross_table', 'balance'].includes(r.check)).every((r) => r.file === '')).toBe(true);
  });

  it('audits the seeds together and prints one finding per CSV line, exit 1 when errors are found', async () => {
    const { code, stdout } = await run(seedFiles);
    expect(code).toBe(1);
    const parsed = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...AUDIT_COLUMNS]);
    const rows = parsed.data;
    expect(rows.every((r) => ['error', 'rounding', 'warning', 'not_run'].includes(r.severity))).toBe(true);
    // Seed 004's department and unit: the cross-document finding needs both files' documents together.
    const cross = rows.filter((r) => r.check === 'cross_document' && r.severity === 'error');
    expect(cross.map((r) => r.unit_code).sort()).toEqual(['203', '203001']);
    const blank = rows.find((r) => r.unit_code === '455' && r.table === 'general_expense' && r.row_code === '201')!;
    expect(blank).toMatchObject({ severity: 'error', check: 'row_total', expected: '175.11', actual: '空白' });
    expect(rows.some((r) => r.unit_code === '455' && r.severity === 'rounding' && r.row_code === '30103')).toBe(true);
  });

  it('prints JSON with --json, and the same findings', async () => {
    const csv = await run(seedFiles);
    const json = await run([...seedFiles, '--json']);
    type Finding = { docId: string; check: string; severity: string; table: string; rowCode: string; message: string; expected: string; actual: string };
    const docs = JSON.parse(json.stdout).documents as { findings: Finding[] }[];
    expect(docs.length).toBe(6);
    const key = (f: Omit<Finding, 'docId'> & { doc: string }) => [f.doc, f.check, f.severity, f.table, f.rowCode, f.message, f.expected, f.actual].join('|');
    const fromJson = docs.flatMap((d) => d.findings.map((f) => key({ ...f, doc: f.docId }))).sort();
    const fromCsv = Papa.parse<Record<string, string>>(csv.stdout, { header: true, skipEmptyLines: true }).data
      .map((r) => key({ doc: r.doc_id, check: r.check, severity: r.severity, table: r.table, rowCode: r.row_code, message: r.message, expected: r.expected, actual: r.actual }));
    // The same findings, field for field. The CSV also lists, as not_run rows, the checks that could
    // not run (JSON gives them under checks[].notRun): those are the only extra lines.
    const csvSet = new Set(fromCsv);
    expect(fromJson.filter((k) => !csvSet.has(k))).toEqual([]);
    const jsonSet = new Set(fromJson);
    const extra = fromCsv.filter((k) => !jsonSet.has(k));
    expect(extra.every((k) => k.split('|')[2] === 'not_run')).toBe(true);
    expect(fromCsv.length).toBe(fromJson.length + extra.length);
    expect(fromJson.filter((k) => k.split('|')[2] !== 'not_run').length).toBeGreaterThan(0);
  });

  it('exits 0 on a consistent document, and 2 naming a file it cannot read', async () => {
    expect((await run([seedFiles[0]])).code).toBe(0);
    const missing = await run([path.join(tmp, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt');
    expect((await run([])).code).toBe(2);
  });

  it('protects every cell from formula injection', async () => {
    const file = path.join(tmp, 'evil.csv');
    writeFileSync(file, 'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\n' +
      'x1,=1+1,=HYPERLINK("http://x"),department,budget,2023,expense,total,合计,total,5\n' +
      'x1,=1+1,=HYPERLINK("http://x"),department,budget,2023,expense,total,合计,basic,3\n');
    const { stdout } = await run([file]);
    const rows = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r.check === 'row_total')!;
    expect(row.unit_name.startsWith("'=")).toBe(true);
    expect(row.unit_code).toBe("'=1+1");
    expect(row.expected).toBe('3.00');
  });
});
