import { PROFILE_KINDS, isLabelKind } from './kinds';
import { PROFILE_LIMITS, PROFILE_SCHEMA, PROFILE_VERSION, SPECIAL_ROLES, type LabelRow, type LayoutProfile, type ProfilesFile, type TableSignature } from './types';

/**
 * A profiles file from outside, checked field by field. A profile is data: it names a kind, a role
 * per column and row keys, nothing else. Anything else — a field we do not know (`__proto__`,
 * `constructor` included), a wrong type, a key outside the vocabulary's shape, a file over the cap —
 * refuses the whole file with a Chinese message naming it and the field. What comes back is built
 * afresh from the checked values, never the parsed object itself.
 */
export type ProfilesRead = { ok: true; profiles: LayoutProfile[] } | { ok: false; error: string };

class Bad extends Error {}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const ROW_KEY = /^[a-z0-9_]+(?:\.[a-z0-9_]+){0,3}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export function readProfilesFile(text: string, fileName: string): ProfilesRead {
  const file = `版式配置文件「${fileName}」`;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > PROFILE_LIMITS.bytes) return { ok: false, error: `${file}过大（${Math.ceil(bytes / 1024)} KB，上限 ${PROFILE_LIMITS.bytes / 1024} KB），未导入。` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: `${file}不是有效的 JSON，未导入。` };
  }
  try {
    const o = fields(parsed, ['schema', 'version', 'profiles'], '文件');
    if (o.schema !== PROFILE_SCHEMA) throw new Bad(`不是预算透镜的版式配置文件（schema 应为 ${PROFILE_SCHEMA}）`);
    if (o.version !== PROFILE_VERSION) throw new Bad(`版本 ${String(o.version).slice(0, 20)} 不受支持（应为 ${PROFILE_VERSION}）`);
    const list = array(o.profiles, PROFILE_LIMITS.profiles, 'profiles');
    const profiles = list.map((p, i) => checkProfile(p, `第 ${i + 1} 个配置`));
    const names = new Set<string>();
    for (const p of profiles) {
      if (names.has(p.name)) throw new Bad(`配置名称「${p.name}」重复`);
      names.add(p.name);
    }
    return { ok: true, profiles };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, error: `${file}无法使用：${e.message}，未导入。` };
    throw e;
  }
}

/** One profile, checked; throws nothing: null and the reason when it does not fit. */
export function validateProfile(v: unknown): { ok: true; profile: LayoutProfile } | { ok: false; error: string } {
  try {
    return { ok: true, profile: checkProfile(v, '版式配置') };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, error: e.message };
    throw e;
  }
}

function checkProfile(v: unknown, at: string): LayoutProfile {
  const o = fields(v, ['version', 'name', 'signature', 'kind', 'columns', 'rows'], at);
  if (o.version !== PROFILE_VERSION) throw new Bad(`${at}的 version 应为 ${PROFILE_VERSION}`);
  const name = text(o.name, `${at}的 name`, 100);
  if (!name.trim()) throw new Bad(`${at}的 name 不能为空`);
  const signature = checkSignature(o.signature, `${at}的 signature`);
  if (typeof o.kind !== 'string' || !(PROFILE_KINDS as readonly string[]).includes(o.kind)) throw new Bad(`${at}的 kind 不是可用的表（${PROFILE_KINDS.join('、')}）`);
  const kind = o.kind as LayoutProfile['kind'];
  const columns = array(o.columns, PROFILE_LIMITS.columns, `${at}的 columns`).map((r, i) => {
    if (typeof r !== 'string' || !((SPECIAL_ROLES as readonly string[]).includes(r) || KEY.test(r))) throw new Bad(`${at}的 columns[${i}] 不是可用的列角色`);
    return r;
  });
  if (columns.length !== signature.columns) throw new Bad(`${at}的 columns 有 ${columns.length} 项，与表的 ${signature.columns} 列不符`);
  if (!columns.some((r) => !(SPECIAL_ROLES as readonly string[]).includes(r))) throw new Bad(`${at}没有金额列`);
  if (!columns.some((r) => r === 'code' || r === 'name')) throw new Bad(`${at}没有编码列或名称列`);
  const rows = array(o.rows, PROFILE_LIMITS.rows, `${at}的 rows`).map((r, i) => checkRow(r, `${at}的 rows[${i}]`, columns));
  if (rows.length && !isLabelKind(kind)) throw new Bad(`${at}的表按科目编码读取，不应有 rows`);
  return { version: PROFILE_VERSION, name: name.trim(), signature, kind, columns, rows };
}

function checkSignature(v: unknown, at: string): TableSignature {
  const o = fields(v, ['title', 'header', 'columns'], at);
  const title = text(o.title, `${at}.title`, PROFILE_LIMITS.text);
  const header = array(o.header, PROFILE_LIMITS.headerRows, `${at}.header`).map((h, i) => text(h, `${at}.header[${i}]`, 4000));
  const columns = o.columns;
  if (typeof columns !== 'number' || !Number.isInteger(columns) || columns < 1 || columns > PROFILE_LIMITS.columns) {
    throw new Bad(`${at}.columns 应为 1–${PROFILE_LIMITS.columns} 之间的整数`);
  }
  return { title, header, columns };
}

function checkRow(v: unknown, at: string, columns: readonly string[]): LabelRow {
  const o = fields(v, ['column', 'label', 'row'], at, ['occurrence']);
  const column = o.column;
  if (typeof column !== 'number' || !Number.isInteger(column) || column < 0 || column >= columns.length || columns[column] !== 'name') {
    throw new Bad(`${at}.column 应为一个名称列的序号`);
  }
  const label = text(o.label, `${at}.label`, PROFILE_LIMITS.text);
  const row = text(o.row, `${at}.row`, 64);
  if (!label || !ROW_KEY.test(row)) throw new Bad(`${at} 的标签或行键格式不对`);
  const n = o.occurrence;
  if (n === undefined || n === 0) return { column, label, row };
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 50) throw new Bad(`${at}.occurrence 应为 0–50 之间的整数`);
  return { column, label, row, occurrence: n };
}

/** An object with exactly these own fields (JSON.parse makes `__proto__` an own field: refused here). */
function fields(v: unknown, allowed: readonly string[], at: string, optional: readonly string[] = []): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Bad(`${at}应为对象`);
  const keys = Object.keys(v);
  for (const k of keys) if (!allowed.includes(k) && !optional.includes(k)) throw new Bad(`${at}含有不认识的字段「${k.slice(0, 40)}」`);
  for (const k of allowed) if (!keys.includes(k)) throw new Bad(`${at}缺少字段「${k}」`);
  return v as Record<string, unknown>;
}

function array(v: unknown, max: number, at: string): unknown[] {
  if (!Array.isArray(v)) throw new Bad(`${at} 应为数组`);
  if (v.length > max) throw new Bad(`${at} 有 ${v.length} 项，超过上限 ${max}`);
  return v;
}

function text(v: unknown, at: string, max: number): string {
  if (typeof v !== 'string') throw new Bad(`${at} 应为文字`);
  if (v.length > max) throw new Bad(`${at} 过长（${v.length} 个字符）`);
  if (CONTROL.test(v)) throw new Bad(`${at} 含有控制字符`);
  return v;
}

/** The file export writes: what readProfilesFile reads back. */
export function profilesFileText(profiles: readonly LayoutProfile[]): string {
  const file: ProfilesFile = { schema: PROFILE_SCHEMA, version: PROFILE_VERSION, profiles: [...profiles] };
  return `${JSON.stringify(file, null, 2)}\n`;
}
