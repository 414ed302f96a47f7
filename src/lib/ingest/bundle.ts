/**
 * A ZIP of disclosures (「2024年部门预算公开.zip」, as sites offer a year's departments for download):
 * its files, each to be read the one way in as if picked on its own. An .xlsx or a .docx is a ZIP
 * too, and is not a bundle: its parts name an OOXML package. Pure; no DOM, no Node API.
 *
 * What a bundle holds that is not read is said, never dropped: pictures and media in one note,
 * each file that could not be taken out (password, unknown compression, damage) by name. System
 * litter (a Mac's __MACOSX copies and ._ files, Thumbs.db, desktop.ini) is no one's document.
 */
import { MAX_BYTES } from './decode';
import { isZip, openZip, ZipError, type ZipEntry, type ZipLimits } from './office/zip';

export interface BundleMember {
  /** Its path inside the bundle (folders kept: 「市直部门/财政局.pdf」). */
  path: string;
  bytes: Uint8Array;
}

export type BundleRead =
  | { ok: true; members: BundleMember[]; notes: string[] }
  | { ok: false; error: string };

/**
 * A bundle's files are read whole before any is imported, so the total is bounded more tightly
 * than a single file's: the members of one bundle stay under 512 MB, each under a file's own limit.
 */
export const BUNDLE_LIMITS: ZipLimits & { maxMembers: number } = {
  maxEntries: 20_000,
  maxMembers: 5_000,
  maxTotal: 512 * 1024 * 1024,
  maxEntry: MAX_BYTES,
  maxRatio: 200,
};

/** How deep bundles inside bundles are opened: a ZIP that holds itself would otherwise never end. */
export const MAX_BUNDLE_DEPTH = 3;

const OOXML_PART = /^(?:\[Content_Types\]\.xml|_rels\/|docProps\/|xl\/|word\/|ppt\/|customXml\/)/;

/** A ZIP that is not an Office package, nor an OFD (ofd.ts), nor an OpenDocument file (refused by name). */
export function isBundle(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  try {
    const open = openZip(bytes, BUNDLE_LIMITS);
    return !open.entries.some((e) => e.name === '[Content_Types].xml' || e.name === 'mimetype' || e.name.toLowerCase() === 'ofd.xml') && !open.entries.every((e) => OOXML_PART.test(e.name));
  } catch {
    // A damaged ZIP: the office reader says what is wrong with it.
    return false;
  }
}

const LITTER = /(?:^|\/)(?:__MACOSX\/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;
const NOT_DOCUMENT = /\.(?:jpe?g|png|gif|bmp|tiff?|webp|svg|ico|mp[34]|avi|wmv|mov|flv|wav|exe|dll|bat|js|css)$/i;

/**
 * A bundle's files, read out whole (the worker hands them to the page, which sends each back the one
 * way in), and notes on what was left; a message naming the bundle when nothing could be read.
 */
export function readBundle(bytes: Uint8Array, fileName: string, limits = BUNDLE_LIMITS): BundleRead {
  let zip: ReturnType<typeof openZip>;
  try {
    zip = openZip(bytes, limits);
  } catch (e) {
    return { ok: false, error: `「${fileName}」是 ZIP 压缩包，但无法打开：${e instanceof ZipError ? e.message : String(e)}。` };
  }
  const files = zip.entries.filter((e) => !e.name.endsWith('/') && !LITTER.test(e.name));
  const notes: string[] = [];
  const pictures = files.filter((e) => NOT_DOCUMENT.test(e.name));
  if (pictures.length) notes.push(`${pictures.length} 个图片、音视频或程序文件不是公开文件，未读取：${listed(pictures)}`);
  const candidates = files.filter((e) => !NOT_DOCUMENT.test(e.name));
  const taken = candidates.slice(0, limits.maxMembers);
  if (candidates.length > taken.length) notes.push(`压缩包内文件过多（${candidates.length} 个），只读取了前 ${taken.length} 个：请解压后分批导入`);
  const members: BundleMember[] = [];
  const failed: string[] = [];
  for (const [i, e] of taken.entries()) {
    try {
      const data = zip.read(e.name);
      if (data) members.push({ path: e.name, bytes: data });
    } catch (err) {
      const why = err instanceof ZipError ? err.message : String(err);
      // Past the total, every later file would fail the same way: said once, with how many.
      if (err instanceof ZipError && err.overTotal) {
        notes.push(`压缩包解压后超过 ${Math.round(limits.maxTotal / 1048576)} MB，之后的 ${taken.length - i} 个文件未读取（${listed(taken.slice(i))}）：请解压后分批导入`);
        break;
      }
      failed.push(`「${e.name}」${why.replace(/^压缩包内「[^」]*」|^ZIP 内「[^」]*」/, '')}`);
    }
  }
  if (failed.length) notes.push(`${failed.length} 个文件无法从压缩包中取出：${failed.slice(0, 5).join('；')}${failed.length > 5 ? '；……' : ''}`);
  if (!members.length) return { ok: false, error: `「${fileName}」是 ZIP 压缩包，但其中没有可读取的文件${notes.length ? `（${notes.join('；')}）` : ''}。` };
  return { ok: true, members, notes };
}

function listed(entries: readonly ZipEntry[]): string {
  const names = entries.slice(0, 5).map((e) => `「${e.name}」`).join('、');
  return entries.length > 5 ? `${names} 等` : names;
}

/**
 * The files a file stands for, for readers that take files one after another (the command line,
 * the dataset and archive builders): itself, or each file of a bundle, a bundle inside it too (to
 * MAX_BUNDLE_DEPTH), named 「x.zip/path」 as the app names them. What a bundle leaves, or why it
 * gave nothing, is said through `say`, never dropped.
 */
export function filesOf(name: string, bytes: Uint8Array, say: (message: string) => void, depth = 0): { name: string; bytes: Uint8Array }[] {
  if (!isBundle(bytes)) return [{ name, bytes }];
  if (depth >= MAX_BUNDLE_DEPTH) {
    say(`「${name}」是压缩包里的压缩包，嵌套超过 ${MAX_BUNDLE_DEPTH} 层，未打开：请解压后导入。`);
    return [];
  }
  const read = readBundle(bytes, name);
  if (!read.ok) {
    say(read.error);
    return [];
  }
  for (const note of read.notes) say(`「${name}」${note}`);
  return read.members.flatMap((m) => filesOf(`${name}/${m.path}`, m.bytes, say, depth + 1));
}
