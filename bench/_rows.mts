import { readFileSync } from 'node:fs';
import { spacedLayout, spacedPages } from '../src/lib/ingest/spaced.ts';
import { toLines } from '../src/lib/ingest/pdf/lines.ts';
import { joinTouchingRuns } from '../src/lib/ingest/pdf/runs.ts';
import { toFragments } from '../src/lib/ingest/pdf/fragments.ts';
import { layoutRows } from '../src/lib/ingest/pdf/layout.ts';
const t = readFileSync(process.argv[2], 'utf8');
const l = spacedLayout(t)!;
const pages = spacedPages(t, l.wide);
const lines = pages.map((p) => toLines(p.page, joinTouchingRuns(p.items).flatMap(toFragments)));
const rows = layoutRows(lines, true).rows;
const from = process.argv[3] ?? '';
let on = !from;
let n = 0;
for (const r of rows) {
  const s = r.cells.join(' | ');
  if (from && r.cells.filter(Boolean).length === 1 && s.trim() === from) on = true;
  if (on) { console.log(s); if (++n > Number(process.argv[4] ?? 40)) break; }
}
if (process.env.COLS) {
  const { tableColumns } = await import('../src/lib/ingest/pdf/columns.ts');
  const { toBlocks } = await import('../src/lib/ingest/pdf/layout.ts');
  const { alignShiftedRows } = await import('../src/lib/ingest/pdf/shifts.ts');
  for (const b of toBlocks(lines)) if (b.kind === 'table' && process.env.COLS!.split('+').every((n) => b.lines.some((l) => l.fragments.some((f) => f.text.includes(n))))) {
    const al = alignShiftedRows(b.lines);
    for (const l of al.slice(0, Number(process.env.N ?? 14))) console.log(l.fragments.map((f) => `${f.text}@${f.x0 / 5}-${f.x1 / 5}`).join(' '));
    console.log(tableColumns(al).map((c) => `${c.x0 / 5}-${c.x1 / 5}`).join(' '));
    break;
  }
}
