import { buildArchive } from './scripts/archive/build';
import { nationalCorpus } from './src/lib/synth/national';
const t = performance.now();
const r = await buildArchive(nationalCorpus({ documents: 2000, seed: 1, years: 5 }), { outDir: '/tmp/arch2k', id: 't', title: 't', log: console.log });
console.log(performance.now() - t, r.catalog.documents, r.catalog.figures, r.catalog.units, process.resourceUsage().maxRSS / 1024);
let total = 0; for (const f of r.catalog.files) { total += f.bytes; }
console.log('total bytes', total, r.catalog.files.filter(f => !f.path.startsWith('figures') && !f.path.startsWith('content')).map(f => `${f.path} ${f.bytes} footer ${f.footer} rows ${f.rows}`).join('\n'));
