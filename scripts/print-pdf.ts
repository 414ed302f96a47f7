/**
 * Printing HTML to PDF with Debian's Chromium (Playwright drives /usr/bin/chromium; nothing downloads
 * a browser) and turning pages with qpdf. Used by the PDF tests (test/unit/pdf, test/unit/ingest/pdf)
 * and `npm run synth:pdfs`. Never imported by the app or by src/: src/lib/synth stays pure HTML.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PdfFilePlan, Rotation } from '../src/lib/synth/layout/variants';

const run = promisify(execFile);

/** Debian's Chromium, as the browser tests use it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const QPDF = process.env.QPDF_PATH ?? 'qpdf';

/**
 * One Chromium for many documents (launching it is the slow part), with a few tabs printing at once:
 * on a busy 2-core machine two tabs print a set of documents in about 60% of the time one takes.
 */
export class HtmlPrinter {
  private readonly idle: Page[];
  private readonly waiting: ((page: Page) => void)[] = [];

  private constructor(
    private readonly browser: Browser,
    pages: Page[],
  ) {
    this.idle = pages;
  }

  static async launch(tabs = 2): Promise<HtmlPrinter> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      return new HtmlPrinter(browser, await Promise.all(Array.from({ length: tabs }, () => browser.newPage())));
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /** The page size comes from the HTML's `@page` rule when `format` is not given. */
  async print(html: string, format?: { format: 'A4'; landscape: boolean }): Promise<Uint8Array> {
    const page = this.idle.pop() ?? (await new Promise<Page>((resolve) => this.waiting.push(resolve)));
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const options = format ? { ...format, printBackground: true } : { preferCSSPageSize: true, printBackground: true };
      return fixedDates(new Uint8Array(await page.pdf(options)));
    } finally {
      const next = this.waiting.shift();
      if (next) next(page);
      else this.idle.push(page);
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/**
 * The same HTML gives the same bytes: Chromium stamps /CreationDate and /ModDate in the document's
 * Info dictionary, which is not compressed; each is overwritten with a fixed date of the same length,
 * so no offset in the file moves.
 */
function fixedDates(pdf: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(pdf);
  const out = pdf.slice();
  for (const m of text.matchAll(/\/(?:CreationDate|ModDate) ?\(D:(\d{14})/g)) {
    const at = m.index + m[0].length - 14;
    for (let i = 0; i < 14; i++) out[at + i] = '20000101000000'.charCodeAt(i);
  }
  return out;
}

/** Runs `fn` with a printer and closes it whatever happens. */
export async function withPrinter<T>(fn: (p: HtmlPrinter) => Promise<T>): Promise<T> {
  const printer = await HtmlPrinter.launch();
  try {
    return await fn(printer);
  } finally {
    await printer.close();
  }
}

/** qpdf writing a file; --deterministic-id keeps the same input giving the same bytes. */
async function qpdf(...args: string[]): Promise<void> {
  try {
    await run(QPDF, ['--deterministic-id', ...args]);
  } catch (e) {
    // qpdf exits 3 for warnings with a usable output; anything else is a failure.
    if ((e as { code?: number }).code !== 3) throw e;
  }
}

async function pageCount(file: string): Promise<number> {
  const { stdout } = await run(QPDF, ['--show-npages', file]);
  return Number(stdout.trim());
}

const list = (pages: number[]) => pages.join(',');

/**
 * Turns the pages of `input` as `rotation` says (see Rotation in src/lib/synth/layout/variants.ts).
 * A page 「rotated」 keeps looking upright: its content is turned into a portrait page by qpdf
 * (--rotate, then --flatten-rotation) and /Rotate turns it back, which is how Jiangsu's A3 exports
 * are made. A 「sideways」 page only gets /Rotate: a reader sees it on its side.
 */
async function rotatePages(input: string, output: string, rotation: Rotation, dir: string): Promise<void> {
  const n = await pageCount(input);
  const pages = Array.from({ length: n }, (_, i) => i + 1);
  if (rotation === 'sideways') {
    const even = pages.filter((p) => p % 2 === 0);
    return even.length ? qpdf(input, output, `--rotate=+90:${list(even)}`) : qpdf(input, output);
  }
  const r90 = rotation === 'rotated' ? pages : pages.filter((p) => p % 3 === 2);
  const r270 = rotation === 'rotated' ? [] : pages.filter((p) => p % 3 === 0);
  const turn = (sign: '+' | '-', a: number[], b: number[]) => [
    ...(a.length ? [`--rotate=${sign}90:${list(a)}`] : []),
    ...(b.length ? [`--rotate=${sign === '+' ? '-' : '+'}90:${list(b)}`] : []),
  ];
  const flat = path.join(dir, 'flat.pdf');
  const turned = path.join(dir, 'turned.pdf');
  // Content drawn turned a quarter the other way, then /Rotate makes it upright again.
  await qpdf(input, turned, ...turn('-', r90, r270));
  await qpdf(turned, flat, '--flatten-rotation');
  await qpdf(flat, output, ...turn('+', r90, r270));
}

/** Prints a planned PDF file: each part on its own paper, joined in order, then its pages turned. */
export async function printPlan(printer: HtmlPrinter, plan: PdfFilePlan): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'budget-lens-print-'));
  try {
    const parts: string[] = [];
    for (const [i, part] of plan.parts.entries()) {
      const file = path.join(dir, `part${i}.pdf`);
      await writeFile(file, await printer.print(part.html));
      parts.push(file);
    }
    let joined = parts[0];
    if (parts.length > 1) {
      joined = path.join(dir, 'joined.pdf');
      await qpdf('--empty', '--pages', ...parts, '--', joined);
    }
    if (plan.rotation === 'none') return new Uint8Array(await readFile(joined));
    const out = path.join(dir, 'out.pdf');
    await rotatePages(joined, out, plan.rotation, dir);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
