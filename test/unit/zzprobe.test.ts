import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importFile } from '../../src/lib/ingest/file';
import { openPdfNode } from '../../src/lib/ingest/pdf/node';
it('probe', async () => {
  for (const f of ['/tmp/bundle.zip']) {
    const r = await importFile(new Uint8Array(readFileSync(f)), 'x.pdf', { openPdf: openPdfNode } as any);
    console.log(JSON.stringify(r).slice(0, 1500));
  }
}, 120000);
