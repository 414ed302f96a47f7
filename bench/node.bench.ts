/**
 * npm run bench: how each stage scales, on synthetic disclosures (src/lib/synth), in Node with
 * sql.js in-process (what the database worker runs). Prints medians of several runs and a ratio
 * against a baseline measured in the same invocation, so a loaded machine shifts both sides:
 *
 *   parse         readDisclosure over the files           vs  decode + split into lines and cells
 *   import        importFile → addImported → the audit (WorkerState.imported: a burst's files together), as the worker does
 *   database      addDocuments of those documents         vs  one prepared INSERT of the same rows, one transaction
 *   CSV import    readFormatCsvStream (the worker's path) vs  papaparse's raw parse of the same CSV
 *   views         同比/横比 requests as the worker answers them (src/lib/compare) at 100, 1,000, 5,000 documents; the audit; snapshot export
 *
 *   npm run bench [-- --quick] [--runs 5] [--seed 1] [--record]
 *
 * Not a test: speed goals live here, never in npm test. --record appends the tables to bench/results.md.
 */
import Papa from 'papaparse';
import { auditDocuments } from '../src/lib/audit/audit';
import { loadUnits } from '../src/lib/compare/units';
import { peersFrame, peersQuery, type PeersRequest } from '../src/lib/compare/peers';
import { peerColumns } from '../src/lib/compare/peerCells';
import { PAGE_COLUMNS } from '../src/lib/compare/peersPage';
import type { CompareSource } from '../src/lib/compare/source';
import { yoyQuery } from '../src/lib/compare/yoy';
import { readAllDocuments } from '../src/lib/db/compareDocuments';
import { loadStoredDocuments } from '../src/lib/db/documents';
import { LibraryDb } from '../src/lib/db/library';
import { readFormatCsvStream } from '../src/lib/ingest/csvStream';
import { importFile } from '../src/lib/ingest/file';
import { readDisclosure } from '../src/lib/ingest/index';
import type { StoredDocument } from '../src/lib/model/document';
import { documentsToRows, rowsToCsv } from '../src/lib/model/formatCsv';
import { glueSqlJs } from '../test/unit/worker/glueSql';
import { syntheticFiles, totalBytes, type BenchFile } from './support/corpus';
import { arg, cpuMs, fmt, machine, median, peakRssMiB, timeMs, timeMsAsync } from './support/measure';
import { record, report, Table } from './support/report';
import { auditPending, removeDocument } from '../src/lib/worker/audits';
import { addImported } from '../src/lib/worker/imports';
import { liveChunksOf } from '../src/lib/worker/liveFile';
import type { Persistence } from '../src/lib/worker/persistence';
import { WorkerState } from '../src/lib/worker/state';
import { perFileCpu } from './support/perFile';

const quick = process.argv.includes('--quick');
const runs = Number(arg('--runs', quick ? '3' : '5'));
const seed = Number(arg('--seed', '1'));
const sizes = quick ? [100, 1000] : [100, 1000, 5000];
const importCount = quick ? 300 : 1000;
const parseCount = 300;
const machineLine = machine();
const started = performance.now();
console.log(`machine: ${machineLine}`);
console.log(`runs: ${runs} (medians)${quick ? ', --quick' : ''}, seed ${seed}`);

// sql.js as the database worker runs it (the generated glue: scripts/sqljs-file.ts), so that the
// import measured here binds and writes as the app's does.
const SQL = await glueSqlJs();
const tables: Table[] = [];
const notes: string[] = [];

// ── corpus ────────────────────────────────────────────────────────────────────────────────────
let t0 = performance.now();
const files = syntheticFiles(Math.max(...sizes, importCount) + 10, seed);
console.log(`generated ${files.length} synthetic files, ${fmt.mb(totalBytes(files))} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ── parse ─────────────────────────────────────────────────────────────────────────────────────
const parse = new Table('Text parse (readDisclosure), MB/s of UTF-8 input', ['input', 'MB', 'ms (median)', 'MB/s', 'baseline: decode + split lines/cells, MB/s', 'ratio to baseline', 'MB/s of CPU time', 'baseline, MB/s of CPU time', 'goal']);
tables.push(parse);
console.log(`\n${parse.title}`);
const rawSplit = (sample: readonly BenchFile[]) => () => {
  let n = 0;
  const dec = new TextDecoder();
  for (const f of sample) for (const line of dec.decode(f.bytes).split('\n')) n += line.split('\t').length;
  return n;
};
const parseMBs: Record<string, number> = {};
// Warm up on both layouts first: one warm-up call per measurement left the JIT's tier-up in the
// runs of whichever layout came first (the tab layout, then measured ~2x slower per MB; the same
// documents rendered in either layout parse at the same speed).
for (let i = 0; i < 2; i++) files.slice(0, parseCount).forEach((f) => readDisclosure(f.bytes, f.name));
for (const layout of ['tab', 'cells', 'both'] as const) {
  const sample = files.slice(0, parseCount * 2).filter((f) => layout === 'both' || f.layout === layout).slice(0, parseCount);
  const bytes = totalBytes(sample);
  const ms = timeMs(() => sample.forEach((f) => readDisclosure(f.bytes, f.name)), runs);
  const base = timeMs(rawSplit(sample), runs);
  const cpu = cpuMs(() => sample.forEach((f) => readDisclosure(f.bytes, f.name)), runs);
  const baseCpu = cpuMs(rawSplit(sample), runs);
  parseMBs[layout] = bytes / 1e3 / ms;
  parse.add(`${sample.length} files, ${layout === 'both' ? 'both layouts' : `${layout} layout`}`, (bytes / 1e6).toFixed(2), fmt.ms(ms),
    parseMBs[layout].toFixed(1), (bytes / 1e3 / base).toFixed(1), fmt.ratio(base / ms), (bytes / 1e3 / cpu).toFixed(1), (bytes / 1e3 / baseCpu).toFixed(1),
    layout === 'both' ? '≥ 20 MB/s' : '');
}

// ── whole import, as the worker does it ───────────────────────────────────────────────────────
const imp = new Table(`Import through the whole pipeline: ${importCount} files, one at a time as the worker does`, ['stage', 'ms (median)', 'share', 'per document', 'baseline', 'ratio to baseline']);
tables.push(imp);
console.log(`\n${imp.title}`);
const importRuns = Math.min(runs, quick ? 1 : 3);
const stageTimes = { read: [] as number[], insert: [] as number[], audit: [] as number[], total: [] as number[] };
let imported: StoredDocument[] = [];
for (let r = 0; r < importRuns; r++) {
  const lib = LibraryDb.create(SQL);
  // The worker's library file is watched from its first save on (liveFile.ts): its writes are noted
  // and it grows by the glue's larger steps, not MEMFS's 1/8 (scripts/sqljs-file.ts).
  const live = liveChunksOf(SQL, lib.db);
  const s = { read: 0, insert: 0, audit: 0 };
  const docs: StoredDocument[] = [];
  const tAll = performance.now();
  // The worker's state with nothing saved: the files come as one burst, as picked together, so each
  // file's audit waits for the next files' (WorkerState.imported, up to its 50 documents).
  const w = new WorkerState(() => undefined);
  w.lib = lib;
  w.persistence = { changed: () => undefined } as unknown as Persistence;
  const burst = files.slice(0, importCount);
  for (const [i, f] of burst.entries()) {
    let t = performance.now();
    const read = await importFile(f.bytes, f.name);
    s.read += performance.now() - t;
    if (!read.ok) throw new Error(read.error);
    t = performance.now();
    const stored = new Map<string, StoredDocument>();
    // As importHandlers.ts store: the burst's files share one transaction while more wait.
    w.filesWaiting = burst.length - i - 1;
    if (w.filesWaiting > 0) lib.beginBurst();
    const result = addImported(lib, read, f.name, f.bytes, stored);
    s.insert += performance.now() - t;
    t = performance.now();
    if (result.status === 'added') w.imported(result.docs.map((d) => d.docId), stored);
    // The burst's last file: what worker.ts does after it (the audit that waits, the commit).
    if (w.filesWaiting === 0) w.settle();
    s.audit += performance.now() - t;
    docs.push(...read.docs);
  }
  stageTimes.total.push(performance.now() - tAll);
  stageTimes.read.push(s.read);
  stageTimes.insert.push(s.insert);
  stageTimes.audit.push(s.audit);
  imported = docs;
  live?.close();
  lib.close();
}
const figureRows = imported.flatMap((d) => d.figures.map((f, i) => [d.docId, i, f.table, f.rowCode, f.rowName, f.column, f.amount, f.source.line]));
const bulkInsert = () => {
  const db = new SQL.Database();
  db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; CREATE TABLE figure (doc_id TEXT, seq INTEGER, table_key TEXT, row_code TEXT, row_name TEXT, column_key TEXT, amount INTEGER, line INTEGER)');
  db.exec('BEGIN');
  const st = db.prepare('INSERT INTO figure VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const row of figureRows) st.run(row as (string | number)[]);
  st.free();
  db.exec('COMMIT');
  db.close();
};
const bulk = timeMs(bulkInsert, Math.min(runs, 3));
const total = median(stageTimes.total);
const perDoc = (ms: number) => `${((ms / imported.length) * 1000).toFixed(0)} µs`;
imp.add('importFile (hash, decode, parse)', fmt.ms(median(stageTimes.read)), fmt.ratio(median(stageTimes.read) / total), perDoc(median(stageTimes.read)), '', '');
imp.add(`addImported (${figureRows.length.toLocaleString('en-US')} figures + source text)`, fmt.ms(median(stageTimes.insert)), fmt.ratio(median(stageTimes.insert) / total),
  perDoc(median(stageTimes.insert)), `sql.js bulk INSERT of the same figure rows, one transaction: ${fmt.ms(bulk)} ms`, fmt.ratio(bulk / median(stageTimes.insert)));
imp.add('audit (WorkerState.imported: up to 50 documents of the burst together, their related years, results stored)', fmt.ms(median(stageTimes.audit)), fmt.ratio(median(stageTimes.audit) / total), perDoc(median(stageTimes.audit)), '', '');
const importSeconds = total / 1000;
const docsPerSecond = imported.length / importSeconds;
imp.add(`**total: ${docsPerSecond.toFixed(0)} documents/s** (1,000 documents ≈ ${(1000 / docsPerSecond).toFixed(1)} s; goal ≤ 10 s)`, fmt.ms(total), '100%', perDoc(total), '', '');

// ── CSV import ────────────────────────────────────────────────────────────────────────────────
const csvTable = new Table('FORMAT CSV import: the worker\'s streaming reader against papaparse\'s raw parse', ['input', 'ms (median)', 'MB/s', 'papaparse raw parse, ms', 'ratio to papaparse', 'goal']);
tables.push(csvTable);
console.log(`\n${csvTable.title}`);
const csv = rowsToCsv(documentsToRows(imported));
const csvBytes = new TextEncoder().encode(csv);
const csvBlob = new Blob([csvBytes]);
const papaMs = timeMs(() => Papa.parse<string[]>(new TextDecoder().decode(csvBytes), { header: false, skipEmptyLines: 'greedy' }), runs);
const oursMs = await timeMsAsync(async () => {
  const r = await readFormatCsvStream(csvBlob, 'bench.csv', () => undefined, () => false);
  if (!r.ok) throw new Error(r.error);
}, runs);
const csvRatio = papaMs / oursMs;
csvTable.add(`${imported.length} documents, ${figureRows.length.toLocaleString('en-US')} rows, ${fmt.mb(csvBytes.length)}`, fmt.ms(oursMs), (csvBytes.length / 1e3 / oursMs).toFixed(1), fmt.ms(papaMs), fmt.ratio(csvRatio), '≥ 50%');

// ── views, audit, snapshot at 100 / 1,000 / 5,000 documents ───────────────────────────────────
const views = new Table(`Comparison views as the worker answers a first request (src/lib/compare; ms, median; 横比: frame + first page of ${PAGE_COLUMNS} columns, the page structuredClone'd as postMessage would; 同比 whole)`,
  ['documents', 'figures', 'unit list (uncached)', '同比 one unit', '横比 department', '横比 latest, department', '横比 all units of a year, after a change', '横比 all units of a year, library just opened', 'slowest', 'goal']);
const audit = new Table('Audit (勾稽) and snapshot', ['documents', 'auditDocuments, whole library (pure)', 'first audit of the library in the database (load, audit, store)', 'audit on import of one more file', 'snapshot export', 'snapshot size', 'peak RSS']);
const perFile = new Table('CPU per imported file by library size: importFile → addImported → auditPending as the worker runs them, then the document list the page asks for (ms of CPU, median; each file imported then removed; goal: flat)', ['documents', 'read', 'store', 'audit', 'list', 'total']);
tables.push(views, audit, perFile);
const parsed: StoredDocument[] = [];
const lib = LibraryDb.create(SQL);
const perFileRow = async (n: number) => {
  const spare = files.slice(files.length - 8);
  await perFileCpu(lib, spare.slice(0, 2)); // the JIT's warm-up is not the library's size
  const c = await perFileCpu(lib, spare.slice(2));
  perFile.add(n, fmt.ms(c.read), fmt.ms(c.store), fmt.ms(c.audit), fmt.ms(c.list), fmt.ms(c.total));
};
auditPending(lib);
await perFileRow(0);
const utf8 = (x: unknown) => new TextEncoder().encode(JSON.stringify(x)).length;
let worstView = 0;
let worstViewAt5000 = 0;
for (const n of sizes) {
  console.log(`\nlibrary of ${n} documents`);
  for (const f of files.slice(parsed.length, n)) {
    const read = await importFile(f.bytes, f.name);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs, read.kind, read.contentHash, read.text);
    parsed.push(...read.docs);
  }
  const figures = Number(lib.db.exec('SELECT count(*) FROM figure')[0].values[0][0]);
  const viewRuns = Math.max(runs, 7);
  const clone = (fn: () => unknown) => () => structuredClone(fn());
  const units = loadUnits(lib.compare).groups;
  const unit = units[Math.floor(units.length / 2)];
  const dep = unit.code.slice(0, 3);
  // The worker's `peers` handler on a request it has not answered since the library changed: the
  // frame (every column's amounts, ranks, medians) and the cells of the first page, posted.
  const peersRequest = (q: PeersRequest, src: CompareSource = lib.compare) => () =>
    structuredClone(peerColumns(src, peersFrame(src, q), { from: 0, size: PAGE_COLUMNS, order: null }));
  const yearAll: PeersRequest = { year: 2022, stage: 'budget', scope: 'department', selection: { kind: 'all' } };
  // A change before each run: one document of the year removed and imported again (its compared
  // figures rewritten), the unit list rebuilt untimed (its own column).
  const victim = peersFrame(lib.compare, yearAll).result.columns[0].docId;
  const afterChange = () => {
    const [d] = loadStoredDocuments(lib.db, [victim]);
    lib.removeDocument(victim);
    lib.addDocuments([d], 'text', `bench-again-${performance.now()}`);
    loadUnits(lib.compare);
    const t = performance.now();
    peersRequest(yearAll)();
    return performance.now() - t;
  };
  afterChange();
  const changed = median(Array.from({ length: viewRuns }, afterChange));
  const cols = [
    // Uncached: the documents read from SQL as well (db/compareDocuments.ts keeps them per connection).
    timeMs(clone(() => loadUnits({ ...lib.compare, documents: () => readAllDocuments(lib.db) }, { fresh: true }).groups), viewRuns),
    timeMs(clone(() => yoyQuery(lib.compare, unit.key)), viewRuns),
    timeMs(peersRequest({ year: 2022, stage: 'budget', scope: 'department', selection: { kind: 'department', code: dep } }), viewRuns),
    timeMs(peersRequest({ year: 'latest', stage: 'budget', scope: 'department', selection: { kind: 'department', code: dep } }), viewRuns),
    changed,
    // Nothing kept: a source object of its own (units, the documents and every document's summary read afresh), as on opening the library.
    timeMs(() => peersRequest(yearAll, { ...lib.compare, documents: () => readAllDocuments(lib.db) })(), viewRuns),
  ];
  const page = peerColumns(lib.compare, peersFrame(lib.compare, yearAll), { from: 0, size: PAGE_COLUMNS, order: null });
  const whole = peersQuery(lib.compare, yearAll);
  notes.push(`${n.toLocaleString('en-US')} documents: 横比 all units of 2022 is ${whole.columns.length} columns; the page posted is ${fmt.mb(utf8(page))}, the whole answer (every column's cells, as downloads and peersQuery give it) ${fmt.mb(utf8(whole))}.`);
  const slowest = Math.max(...cols.slice(1, 5));
  worstView = Math.max(worstView, slowest);
  if (n >= 5000) worstViewAt5000 = slowest;
  views.add(n, figures, ...cols.map(fmt.ms), fmt.ms(slowest), '≤ 50 ms');

  const auditRuns = n >= 5000 ? 1 : Math.min(runs, 3);
  const pure = timeMs(() => auditDocuments(loadStoredDocuments(lib.db, null)), auditRuns, n < 5000);
  const full = timeMs(() => {
    lib.db.exec('DELETE FROM audit_check; DELETE FROM audit_finding');
    auditPending(lib);
  }, auditRuns, false);
  const arrivals: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const f = files[n + i];
    const read = await importFile(f.bytes, f.name);
    if (!read.ok) throw new Error(read.error);
    const { added } = lib.addDocuments(read.docs, read.kind, read.contentHash, read.text);
    const t = performance.now();
    auditPending(lib, added);
    arrivals.push(performance.now() - t);
    auditPending(lib, removeDocument(lib, read.docs[0].docId));
  }
  let bytes = 0;
  const exportMs = timeMs(() => (bytes = lib.export().length), Math.min(runs, 3));
  audit.add(n, fmt.ms(pure), fmt.ms(full), fmt.ms(median(arrivals)), fmt.ms(exportMs), fmt.mb(bytes), `${peakRssMiB().toFixed(0)} MiB`);
  await perFileRow(n);
}
lib.close();

// ── goals ─────────────────────────────────────────────────────────────────────────────────────
const goals = new Table('Goals', ['goal', 'measured', 'met']);
tables.push(goals);
console.log(`\n${goals.title}`);
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
goals.add('parse ≥ 20 MB/s', `${parseMBs.both.toFixed(1)} MB/s`, yes(parseMBs.both >= 20));
goals.add('1,000 documents imported ≤ 10 s', `${(1000 / docsPerSecond).toFixed(1)} s${importCount === 1000 ? '' : ` (from ${importCount})`}`, yes(1000 / docsPerSecond <= 10));
goals.add(`every view ≤ 50 ms at ${Math.max(...sizes)} documents`, `${fmt.ms(worstViewAt5000 || worstView)} ms`, yes((worstViewAt5000 || worstView) <= 50));
goals.add('CSV import ≥ 50% of papaparse\'s raw parse', fmt.ratio(csvRatio), yes(csvRatio >= 0.5));
goals.add('no main-thread task > 100 ms during import', 'see npm run bench:browser', '');
notes.push(`Peak RSS ${peakRssMiB().toFixed(0)} MiB; whole run ${((performance.now() - started) / 1000).toFixed(0)} s.`);
notes.push('Views include the unit list from cache (it is rebuilt once after each change: the "unit list (uncached)" column); 同比/横比 rows are not counted in "slowest" for the unit list. "library just opened" includes the unit list and every document\'s summary read afresh (compare/peerSummaries.ts), and is not counted in "slowest": the worker reads every document\'s summary in the background 1.5 s after a library is opened or changed (worker/warm.ts), so a 横比 asked after that costs what "after a change" does.');

const text = report(`npm run bench${quick ? ' --quick' : ''}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, machineLine, tables, notes);
console.log(`\n${text}`);
if (process.argv.includes('--record')) record(text);
