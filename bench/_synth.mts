import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { importFile } from '../src/lib/ingest/file.ts';
import { mergeDocuments } from '../src/lib/ingest/merge.ts';
import { parseFormatCsv } from '../src/lib/model/formatCsv.ts';
const dir = '/tmp/synth';
const list = process.argv.includes('--list');
for (const csv of readdirSync(dir).filter((f) => f.endsWith('.expected.csv'))) {
  const id = csv.replace('.expected.csv', '');
  const pdfs = readdirSync(dir).filter((f) => f.startsWith(id) && f.endsWith('.pdf') && (f === `${id}.pdf` || f.startsWith(`${id}-`)));
  const perFile = [];
  for (const p of pdfs) {
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', `${dir}/${p}`, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const r = await importFile(new Uint8Array(text), p.replace('.pdf', '.txt'));
    if (r.ok) perFile.push(r.docs); else console.log('ERR', p, r.error);
  }
  const docs = mergeDocuments(perFile);
  const want = parseFormatCsv(readFileSync(`${dir}/${csv}`, 'utf8')).docs.flatMap((d) => d.figures);
  const got = new Map(docs.flatMap((d) => d.figures.map((f) => [`${f.table}|${f.rowCode}|${f.column}`, f.amount])));
  let ok = 0, wrong = 0; const miss: string[] = [];
  for (const f of want) { const k = `${f.table}|${f.rowCode}|${f.column}`; const have = got.get(k); if (have === f.amount) ok++; else { if (have !== undefined) wrong++; miss.push(`${k} want ${f.amount / 1e6} got ${have === undefined ? '-' : have / 1e6}`); } }
  console.log(`${id}: ${ok}/${want.length} wrong ${wrong} docs ${docs.length}`);
  if (list) for (const m of miss.filter((m) => process.env.ALL || !m.endsWith('got -')).slice(0, 15)) console.log('   ', m);
}
