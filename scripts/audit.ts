/**
 * Command-line audit (勾稽): disclosure files (and FORMAT CSVs), or ZIPs of them, in; findings out.
 *
 *   npm run audit -- FILE_OR_FOLDER... [--json]
 *
 * The files are audited together, so the cross-document checks (a department and its units, a unit
 * and its previous year) run between them, and a narrative PDF given with its tables PDF is one
 * document (ingest/merge.ts). The importer and the checks are the app's own modules:
 * a batch run before publication gives what the app shows. Output: one finding per line as CSV
 * (doc_id,unit_code,unit_name,year,scope,check,severity,table,row_code,message,expected,actual,quote,page), or
 * with --json every document's checks and findings.
 *
 * Exit status: 0 no error found; 1 at least one finding of severity error; 2 a file could not be read
 * or the arguments are wrong (what could be read is still audited and printed).
 */
import { statSync } from 'node:fs';
import { inputFiles, processIo, runIfMain, type Io } from './cli';
import { listFiles } from './folder';
import { auditDocuments } from '../src/lib/audit/audit';
import { auditCsv } from '../src/lib/audit/csv';
import { importFile } from '../src/lib/ingest/file';
import { mergeDocuments } from '../src/lib/ingest/merge';
import { startOcrNode } from '../src/lib/ingest/ocr/node';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import type { StoredDocument } from '../src/lib/model/document';

const USAGE = '用法：npm run audit -- 文件或文件夹... [--json]';

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false; // reported as a file that cannot be opened
  }
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  // A folder stands for every file under it, as build:data and build:archive read one.
  const files = argv.filter((a) => !a.startsWith('--')).flatMap((a) => (isFolder(a) ? listFiles(a) : [a]));
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length || !files.length) {
    io.stderr(`${unknown.length ? `未知选项：${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  // Per file, so that a narrative PDF and its tables PDF given together become one document.
  const perFile: StoredDocument[][] = [];
  const hashes: string[] = [];
  const names = new Map<string, string>();
  let unreadable = false;
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    const read = await inputFiles(file, io);
    if (read) inputs.push(...read);
    else unreadable = true;
  }
  for (const { name, bytes } of inputs) {
    const read = await importFile(bytes, name, { openPdf: openPdfNode, ocr: startOcrNode });
    if (!read.ok) {
      io.stderr(`${read.error}\n`);
      unreadable = true;
      continue;
    }
    for (const err of read.rowErrors) io.stderr(`${name}: 第 ${err.line} 行：${err.message}\n`);
    const seen = new Set(perFile.flat().map((d) => d.docId));
    perFile.push(read.docs.filter((d) => !seen.has(d.docId)));
    hashes.push(read.contentHash);
    names.set(read.contentHash, name);
  }
  // A finding about a narrative joined from its own PDF names that file (the CSV's file column).
  const audits = auditDocuments(mergeDocuments(perFile, hashes)).map((a) => ({
    ...a, findings: a.findings.map((f) => (f.file ? { ...f, fileName: names.get(f.file) ?? null } : f)),
  }));
  io.stdout(json ? `${JSON.stringify({ documents: audits }, null, 2)}\n` : auditCsv(audits));
  const count = (s: string) => audits.reduce((n, a) => n + a.findings.filter((f) => f.severity === s).length, 0);
  const errors = count('error');
  io.stderr(`已审核 ${audits.length} 份文档：${errors} 个错误，${count('rounding')} 处尾差，${count('warning')} 条提示。\n`);
  if (unreadable) return 2;
  return errors ? 1 : 0;
}

runIfMain(import.meta.url, main, 2);
