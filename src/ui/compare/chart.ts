import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';

// Registered once: only what the comparison charts use, so the bundle stays small.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

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

export { Chart };
