import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement,
  SubTitle, Title, Tooltip, type ChartConfiguration, type Plugin,
} from 'chart.js';

// Registered once: only what the comparison charts use, so the bundle stays small (this module is
// loaded with the first chart, not with the app).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Title, SubTitle);

/** A saved PNG would otherwise have a transparent background, unreadable in most viewers. */
export const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export const PALETTE = ['#9b1c1c', '#1f6feb', '#2da44e', '#bf8700', '#8250df', '#cf222e', '#0a7ea4', '#6e7781', '#d4a72c', '#57606a', '#e16f24', '#116329'];

/** Height kept free under an exported chart for its source line. */
const FOOT = 24;

/** The source, written under the chart (Chart.js has one subtitle, used for units and years). */
function footnote(text: string): Plugin {
  return {
    id: 'footnote',
    afterDraw(chart) {
      const { ctx, height } = chart;
      ctx.save();
      ctx.font = '12px system-ui, "Noto Sans CJK SC", sans-serif';
      ctx.fillStyle = '#57606a';
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, 16, height - 10, chart.width - 32);
      ctx.restore();
    },
  };
}

/** The size of an exported image in CSS pixels, drawn at PIXEL_RATIO: 2,000 × 1,120 pixels, fit for an article. */
export const EXPORT = { width: 1000, height: 560, ratio: 2 };

/**
 * Draws `config` again off screen, large, with the title, units, years and sources on the image
 * itself (a chart shared on its own must say what it shows), and returns it as PNG.
 */
export async function exportPng(config: ChartConfiguration, lines: { title: string; sub: string; source: string }): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = EXPORT.width;
  canvas.height = EXPORT.height;
  const options = config.options ?? {};
  const chart = new Chart(canvas, {
    ...config,
    options: {
      ...options,
      responsive: false,
      animation: false,
      devicePixelRatio: EXPORT.ratio,
      layout: { padding: { left: 16, right: 16, top: 16, bottom: 16 + FOOT } },
      plugins: {
        ...options.plugins,
        title: { display: true, text: lines.title, font: { size: 20, weight: 'bold' }, color: '#1f2328', padding: { bottom: 2 } },
        subtitle: { display: true, text: lines.sub, font: { size: 14 }, color: '#57606a', padding: { bottom: 12 } },
      },
    },
    plugins: [...(config.plugins ?? []), footnote(lines.source)],
  } as ChartConfiguration);
  try {
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('图片生成失败'))), 'image/png'));
  } finally {
    chart.destroy();
  }
}

/**
 * Draws one chart of `type` on a canvas that is never shown, and throws it away: the first chart
 * of a page ran 46–70 ms of cold chart.js code in one task after 同比's first frame at 5,000
 * documents (once 1,210 ms: the canvas's first CJK text), a warm one 20 ms (issue 17). Called in idle time (ui/state/ahead.svelte.ts), one
 * type per call, with the options BarChart gives that take their own code paths.
 */
export function warmUp(type: 'line' | 'bar'): void {
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  canvas.height = 200;
  const chart = new Chart(canvas, {
    type,
    data: { labels: ['2023年', '2024年'], datasets: [{ label: '支出', data: [1, 2], backgroundColor: PALETTE[0], borderColor: PALETTE[0] }] },
    options: {
      animation: false, responsive: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { x: { offset: true }, y: { beginAtZero: true, title: { display: true, text: '万元' } } },
    },
    plugins: [whiteBackground],
  } as ChartConfiguration);
  chart.destroy();
}

/** What a box's size is given to, by the one ResizeObserver of the page's charts. */
const watched = new Map<Element, (width: number, height: number) => void>();
let observer: ResizeObserver | null = null;

function watch(box: Element, sized: (width: number, height: number) => void): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) watched.get(e.target)?.(Math.floor(e.contentRect.width), Math.floor(e.contentRect.height));
  });
  watched.set(box, sized);
  observer.observe(box);
  return () => {
    observer?.unobserve(box);
    watched.delete(box);
  };
}

/** The charts not drawn yet because their box has had no size (a view drawn ahead, hidden), by box. */
const waiting = new Map<Element, () => boolean>();

/**
 * Draws `config()` on `canvas`, at the size of `box`, and keeps it at that size; returns what
 * takes it away. Not chart.js's own `responsive` mode: that measures the canvas the moment a chart
 * is made, a forced style and layout (of a whole hidden view when the view was drawn ahead: 7–11 ms
 * a chart at 5,000 documents, issue 17), and gives every chart a ResizeObserver and a
 * MutationObserver of the whole document. Here one ResizeObserver tells every box its size after
 * the browser's own layout, which costs nothing; it says nothing while the box's view is hidden,
 * so a view drawn ahead has its charts drawn by drawWaiting, once its layout is done.
 *
 * A chart is made in a task after the frame that lays its box out, so the view's table is painted
 * first; a later size is a resize in place.
 */
export function chartIn(box: HTMLElement, canvas: HTMLCanvasElement, config: () => ChartConfiguration, drawn?: (chart: Chart) => void): () => void {
  let chart: Chart | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let size = { width: 0, height: 0 };
  const make = () => {
    waiting.delete(box);
    // The size as attributes: chart.js then reads no style to find it.
    canvas.width = size.width;
    canvas.height = size.height;
    const c = config();
    chart = new Chart(canvas, { ...c, options: { ...c.options, responsive: false } } as ChartConfiguration);
    drawn?.(chart);
  };
  waiting.set(box, () => {
    const r = box.getBoundingClientRect();
    if (chart || !r.width || !r.height) return false;
    size = { width: Math.floor(r.width), height: Math.floor(r.height) };
    make();
    return true;
  });
  const unwatch = watch(box, (width, height) => {
    size = { width, height };
    // 0 × 0: the box is not rendered (a closed section); it is drawn when it is.
    if (!width || !height) return;
    if (chart) {
      // A view drawn ahead, shown: the size it was drawn at.
      if (chart.width !== width || chart.height !== height) chart.resize(width, height);
      return;
    }
    pending ??= setTimeout(() => {
      pending = null;
      if (!chart) make();
    }, 0);
  });
  return () => {
    unwatch();
    waiting.delete(box);
    if (pending !== null) clearTimeout(pending);
    chart?.destroy();
    chart = null;
  };
}

/**
 * Draws one chart waiting in one of `roots` (views drawn ahead, hidden) at its box's size, read from
 * the layout the view was given (ui/state/ahead.svelte.ts): true if one was drawn.
 */
export function drawWaiting(roots: Iterable<Element>): boolean {
  const within = [...roots];
  for (const [box, draw] of waiting) if (within.some((r) => r.contains(box)) && draw()) return true;
  return false;
}

export { Chart };
