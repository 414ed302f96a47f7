/** Markdown tables for the benchmark output, appended to bench/results.md only with --record. */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The 1-minute load average now: printed beside every figure, since a busy machine slows them all. */
export const loadNow = () => os.loadavg()[0].toFixed(2);

export class Table {
  readonly rows: string[][] = [];
  readonly head: string[];
  constructor(readonly title: string, head: string[]) {
    this.head = [...head, 'load (1 min)'];
  }

  /** A row of figures, with the load average at the moment it was measured. */
  add(...cells: (string | number)[]): void {
    const row = [...cells.map(String), loadNow()];
    this.rows.push(row);
    // Printed as it goes, so a long run shows progress and an interrupted one keeps what it measured.
    console.log(`  ${row.join(' | ')}`);
  }

  markdown(): string {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [`### ${this.title}`, '', line(this.head), line(this.head.map(() => '---')), ...this.rows.map(line), ''].join('\n');
  }
}

export const RESULTS = path.resolve(import.meta.dirname, '..', 'results.md');

/** The whole report: heading, machine, the tables, notes. */
export function report(heading: string, machineLine: string, tables: readonly Table[], notes: readonly string[]): string {
  return [`## ${heading}`, '', `Machine: ${machineLine}`, '', ...tables.map((t) => t.markdown()), ...notes.map((n) => `- ${n}`), ''].join('\n');
}

export function record(text: string): void {
  if (!existsSync(RESULTS)) writeFileSync(RESULTS, '# Benchmark results\n\nAppended by `npm run bench -- --record` and `npm run bench:browser -- --record`; newest last.\n\n');
  appendFileSync(RESULTS, `${text}\n`);
  console.log(`\nappended to ${path.relative(process.cwd(), RESULTS)}`);
}
