/**
 * A look at a PDF as the importer sees it: per page its size and rotation, then its text lines with
 * the cells the gaps make (text@x). For working on the PDF reader, not for users.
 *
 *   npx tsx scripts/pdf-lines.ts FILE.pdf [PAGE,PAGE...]
 */
import { processIo, readInputFile, runIfMain, type Io } from './cli';
import { toFragments } from '../src/lib/ingest/pdf/fragments';
import { gapCells, joinPieces, toLines } from '../src/lib/ingest/pdf/lines';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import { joinTouchingRuns } from '../src/lib/ingest/pdf/runs';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [file, pageList] = argv;
  if (!file) {
    io.stderr('用法：npx tsx scripts/pdf-lines.ts 文件.pdf [页码,页码...]\n');
    return 2;
  }
  const bytes = await readInputFile(file, io);
  if (!bytes) return 2;
  const opened = await openPdfNode(bytes);
  if (!opened.ok) {
    io.stderr(`${file}: ${opened.reason}\n`);
    return 2;
  }
  const pages = pageList ? new Set(pageList.split(',').map(Number)) : null;
  for (let n = 1; n <= opened.source.pageCount; n++) {
    if (pages && !pages.has(n)) continue;
    const p = await opened.source.page(n);
    io.stdout(`=== page ${n}: ${p.width.toFixed(0)}×${p.height.toFixed(0)}, ${p.items.length} items\n`);
    for (const l of toLines(n, joinTouchingRuns(p.items).flatMap(toFragments))) {
      io.stdout(`${l.y.toFixed(0).padStart(5)} | ${gapCells(l).map((c) => `${joinPieces(c, l.size)}@${c[0].x0.toFixed(0)}`).join(' | ')}\n`);
    }
  }
  await opened.source.close();
  return 0;
}

runIfMain(import.meta.url, main, 1);
