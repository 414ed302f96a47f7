/** Markdown tables for the benchmark output, appended to bench/results.md only with --record. */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class Table {
  readonly rows: string[][] = [];
  constructor(readonly title: string, readonly head: string[]) {}

  add(...cells: (string | number)[]): void {
    this.rows.push(cells.map(String));
    // Printed as it goes, so a long run shows progress and an interrupted one keeps what it measured.
    console.log(`  ${cells.join(' | ')}`);
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
