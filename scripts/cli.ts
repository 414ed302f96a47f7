import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesOf } from '../src/lib/ingest/bundle';

/** Where a command writes; tests pass their own to capture the output. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/**
 * Runs `main` when the file is the command being run (not when a test imports it), with its result
 * as the exit status; a crash prints its stack and exits with `crashCode`.
 */
export function runIfMain(moduleUrl: string, main: (argv: string[]) => Promise<number>, crashCode: number): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = crashCode;
    },
  );
}

/** A command-line input file's bytes, or null after saying on stderr why it could not be opened. */
export async function readInputFile(file: string, io: Io): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    io.stderr(`${basename(file)}: 无法打开文件（${(e as NodeJS.ErrnoException).code ?? String(e)}）\n`);
    return null;
  }
}

/**
 * The files a command-line input stands for: itself, or each file of a ZIP of files
 * (ingest/bundle.ts filesOf); what a ZIP leaves is said on stderr. Null after saying why the input
 * gave nothing.
 */
export async function inputFiles(file: string, io: Io): Promise<{ name: string; bytes: Uint8Array }[] | null> {
  const bytes = await readInputFile(file, io);
  if (!bytes) return null;
  const files = filesOf(basename(file), bytes, (message) => io.stderr(`${message}\n`));
  return files.length ? files : null;
}
