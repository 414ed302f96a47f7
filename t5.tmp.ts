import { nationalCorpus } from './src/lib/synth/national';
let t = performance.now(); let n = 0;
for (const d of nationalCorpus({ documents: 2000, seed: 1, years: 5 })) n += d.figures.length;
console.log('gen', performance.now() - t);
