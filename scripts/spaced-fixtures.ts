/**
 * Writes the texts of test/unit/ingest/spaced/: every corpus PDF as poppler's `pdftotext -layout`
 * (Debian's poppler-utils) writes it, gzipped. An independent converter, so that the tests read a
 * text laid out with spaces as users get it, not one our own code laid out. Not run by CI (the
 * fixtures are committed); run it again only to change them:
 *
 *   npx tsx scripts/spaced-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'fflate';
import { sharedDir } from './paths';

const out = path.join(import.meta.dirname, '../test/unit/ingest/spaced');
mkdirSync(out, { recursive: true });
for (const corpus of ['shanghai', 'jiangsu']) {
  const dir = path.join(sharedDir, 'corpus', corpus);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
    // -enc UTF-8: the text users get on a Chinese system too; stdout ('-'), so no file is left beside the PDF.
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, file), '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    writeFileSync(path.join(out, file.replace(/\.pdf$/, '.txt.gz')), gzipSync(new Uint8Array(text), { level: 9, mtime: 0 }));
    console.log(`${file}: ${text.length} bytes`);
  }
}
