/** Timing helpers for the benchmarks: medians of several runs, the machine named. Not used by tests. */
import os from 'node:os';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median milliseconds of `runs` calls of fn, after one warm-up call (the first measures the JIT). */
export function timeMs(fn: () => unknown, runs: number, warmup = true): number {
  if (warmup) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

/**
 * Median CPU milliseconds (user + system, this process) of `runs` calls after one warm-up. On a
 * machine shared with other work, wall time counts the time other processes held the CPU; CPU
 * time counts only ours.
 */
export function cpuMs(fn: () => unknown, runs: number): number {
  fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    out.push((d.user + d.system) / 1000);
  }
  return median(out);
}

export async function timeMsAsync(fn: () => Promise<unknown>, runs: number, warmup = true): Promise<number> {
  if (warmup) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

export function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${cpus[0]?.model.trim() ?? '?'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average at start ${load}`;
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const fmt = {
  ms: (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)),
  ratio: (v: number) => `${(v * 100).toFixed(0)}%`,
  mb: (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`,
};

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
