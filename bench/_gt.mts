// Probe: each corpus PDF through pdftotext (MODE: layout|raw|plain), then the importer as a .txt; compared with gold.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
const root = process.env.ROOT ?? '/work/main';
const { CORPORA, goldDocuments, compareFigures } = await import(root + '/scripts/gold.ts');
const { importFile } = await import(root + '/src/lib/ingest/file.ts');
const { mergeDocuments } = await import(root + '/src/lib/ingest/merge.ts');
const mode = process.env.MODE ?? 'layout';
const list = process.argv.includes('--list');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);
mkdirSync('/tmp/probes/txt/out', { recursive: true });
for (const corpus of CORPORA) {
  if (corpus.name === 'seeds') continue;
  if (only.length && !only.includes(corpus.name)) continue;
  const golds = goldDocuments(corpus);
  const groups: string[][] = [];
  for (const d of golds) { const f = d.files ?? [d.file]; if (!groups.some((g) => g.join() === f.join())) groups.push(f); }
  let m = 0, t = 0;
  for (const files of groups) {
    const perFile = [];
    for (const f of files) {
      const out = `/tmp/probes/txt/out/${mode}-${f.replace(/\.pdf$/, '.txt')}`;
      const args = mode === 'layout' ? ['-layout'] : mode === 'raw' ? ['-raw'] : [];
      execFileSync('pdftotext', [...args, '-enc', 'UTF-8', path.join(corpus.dir, f), out]);
      const r = await importFile(new Uint8Array(readFileSync(out)), path.basename(out));
      if (r.ok) perFile.push(r.docs); else console.log('ERR', f, r.error);
    }
    const docs = mergeDocuments(perFile);
    const group = golds.filter((g) => (g.files ?? [g.file]).join() === files.join());
    for (const g of group) {
      const doc = docs.find((d) => d.meta.unitName === g.unit_name && d.meta.year === g.year && d.meta.stage === g.stage && d.meta.scope === g.scope) ?? docs[group.indexOf(g)];
      const cmp = compareFigures(g, doc?.figures ?? [], corpus);
      m += cmp.matched; t += g.figures.length;
      console.log(`${corpus.name} ${g.doc_id ?? g.file}: ${cmp.matched}/${g.figures.length} extra ${cmp.extra.length} docs=${docs.length} unit=${doc?.meta.unitName} warn=${doc?.warnings.length}`);
      if (list) { for (const x of cmp.missing.slice(0, 40)) console.log('   miss', x); for (const x of cmp.extra.slice(0, 10)) console.log('   extra', x); }
    }
  }
  console.log(`== ${corpus.name} ${mode}: ${m}/${t}`);
}
