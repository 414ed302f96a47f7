import { chromium, type BrowserContext } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, Profile } from './browser';

const WRAPPER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'small-disk-chromium.sh');

/**
 * A browser profile on a real, small disk: a tmpfs of `size` mounted as the profile folder in a
 * private mount namespace (small-disk-chromium.sh; needs `unshare` with user namespaces, which
 * Debian allows by default). `fill()` takes the remaining space with a file, as a user's full disk
 * would, and `free()` removes it. Nothing in the browser or the app is faked.
 */
export class SmallDiskProfile extends Profile {
  private browserPid: number | null = null;

  constructor(readonly size = '96m') {
    super();
  }

  /** Whether this machine lets us mount a private tmpfs (the test says clearly when it does not). */
  static check(): void {
    try {
      execFileSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /tmp'], { stdio: 'pipe' });
    } catch (e) {
      throw new Error(`这台机器不允许在私有挂载命名空间中挂载 tmpfs（unshare --user --mount），无法模拟小磁盘：${(e as Error).message}`);
    }
  }

  override async open(): Promise<BrowserContext> {
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath: WRAPPER,
      env: { ...process.env, CHROMIUM_REAL: CHROMIUM, SMALL_DISK_SIZE: this.size },
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    this.browserPid = findBrowser(this.dir);
    return this.context;
  }

  /** The profile folder as the browser sees it (the tmpfs), reached through its process. */
  private get root(): string {
    if (this.browserPid === null) throw new Error('open() first');
    return `/proc/${this.browserPid}/root${this.dir}`;
  }

  /** Fills the disk with a file, leaving `leave` bytes free (fewer when the disk already has less). */
  fill(leave = 0): void {
    const { bavail, bsize } = statfsSync(this.root);
    const take = Math.max(0, bavail * bsize - leave);
    const fd = openSync(path.join(this.root, 'filler'), 'w');
    const chunk = Buffer.alloc(1024 * 1024, 1);
    try {
      for (let written = 0; written < take; ) written += writeSync(fd, chunk, 0, Math.min(chunk.length, take - written));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    } finally {
      closeSync(fd);
    }
  }

  /** Free bytes on the small disk. */
  get available(): number {
    const { bavail, bsize } = statfsSync(this.root);
    return bavail * bsize;
  }

  /** Frees the space fill() took. */
  free(): void {
    rmSync(path.join(this.root, 'filler'), { force: true });
  }
}

/** The browser process (not a renderer or helper) started on this profile. */
function findBrowser(dir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string[];
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmd.includes(`--user-data-dir=${dir}`) && !cmd.some((a) => a.startsWith('--type=')) && !cmd[0].endsWith('sh') && !cmd.includes('unshare')) {
      return Number(entry);
    }
  }
  throw new Error(`找不到使用 ${dir} 的浏览器进程`);
}
