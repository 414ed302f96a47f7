/**
 * Writes the PDFs of test/unit/ingest/pdf/libreoffice/: synthetic layout variants (src/lib/synth/layout)
 * printed by LibreOffice Writer from their web pages instead of by Chromium. Another PDF producer, as an
 * office suite prints a department's Word or web page: titles and names wrap in narrow boxes, the unit,
 * year and money unit stand a space apart on one line, digits are set in a font of their own. Not run by
 * CI (the PDFs are committed; CI has no LibreOffice); run it again only to change them:
 *
 *   npx tsx scripts/libreoffice-pdfs.ts
 *
 * Needs Debian's libreoffice-writer-nogui (`soffice`) and qpdf (a variant's parts joined in order).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LAYOUT_VARIANTS } from '../src/lib/synth/layout/list';
import { renderVariant } from '../src/lib/synth/layout/variants';
import { LIBREOFFICE_VARIANTS } from '../test/unit/ingest/pdf/libreofficeVariants';

const out = path.resolve('test/unit/ingest/pdf/libreoffice');
const work = mkdtempSync(path.join(tmpdir(), 'libreoffice-pdfs-'));
mkdirSync(out, { recursive: true });
try {
  for (const id of LIBREOFFICE_VARIANTS) {
    const variant = LAYOUT_VARIANTS.find((v) => v.id === id);
    if (!variant) throw new Error(`no variant ${id}`);
    for (const plan of renderVariant(variant).files) {
      // Pages turned afterwards (qpdf /Rotate) are Chromium's plan: these variants print upright.
      if (plan.rotation !== 'none') throw new Error(`${id} turns its pages`);
      const parts = plan.parts.map((part, k) => {
        const html = path.join(work, `${plan.name.replace(/\.pdf$/, '')}-${k}.html`);
        writeFileSync(html, part.html);
        return html;
      });
      execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf:writer_web_pdf_Export', '--outdir', work, ...parts], {
        stdio: 'inherit', env: { ...process.env, HOME: work },
      });
      execFileSync('qpdf', ['--empty', '--pages', ...parts.map((p) => p.replace(/\.html$/, '.pdf')), '--', path.join(out, plan.name)]);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
