/**
 * How much of the gold the importer reads: per corpus, figures matched / gold figures, missing and
 * extra counts, then one line per document.
 *
 *   npm run gold:report [-- seeds shanghai jiangsu] [--list]
 *
 * --list prints every missing and extra figure under its document. Exit status 0 (a report, not a test).
 */
import { processIo, runIfMain, type Io } from './cli';
import { CORPORA, reportCorpus, type CorpusReport } from './gold';

export function formatReport(report: CorpusReport, list: boolean): string {
  const docs = report.documents;
  const sum = (f: (d: (typeof docs)[number]) => number) => docs.reduce((n, d) => n + f(d), 0);
  const gold = sum((d) => d.gold.figures.length);
  const lines = [
    `${report.corpus.name}: ${sum((d) => d.matched)}/${gold} figures matched, ${sum((d) => d.gold.figures.length - d.matched)} missing, ${sum((d) => d.extra.length)} extra` +
      (report.unclaimed.length ? `, ${report.unclaimed.length} documents not in the gold` : ''),
  ];
  for (const d of docs) {
    const name = d.gold.doc_id ? `${d.gold.doc_id} ${d.gold.file}` : d.gold.file;
    const meta = d.doc ? `${d.doc.meta.unitName || '(无单位)'} ${d.doc.meta.year} ${d.doc.meta.scope}/${d.doc.meta.stage}` : 'not found';
    lines.push(`  ${name}: ${d.matched}/${d.gold.figures.length}, missing ${d.gold.figures.length - d.matched}, extra ${d.extra.length} — ${meta}`);
    if (list) for (const m of [...d.missing.map((x) => `missing ${x}`), ...d.extra.map((x) => `extra ${x}`)]) lines.push(`      ${m}`);
  }
  for (const u of report.unclaimed) lines.push(`  not in gold: ${u.docId} ${u.fileName} ${u.meta.unitName || '(无单位)'} ${u.meta.year} (${u.figures.length} figures)`);
  for (const e of report.errors) lines.push(`  error: ${e}`);
  return lines.join('\n') + '\n';
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const list = argv.includes('--list');
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !CORPORA.some((c) => c.name === n));
  if (unknown.length) {
    io.stderr(`未知的语料：${unknown.join(' ')}（可选：${CORPORA.map((c) => c.name).join(' ')}）\n`);
    return 2;
  }
  for (const corpus of CORPORA.filter((c) => !names.length || names.includes(c.name))) {
    io.stdout(formatReport(await reportCorpus(corpus), list));
  }
  return 0;
}

runIfMain(import.meta.url, main, 1);
