import { CHINESE_ORDINALS } from '../catalog';

/**
 * How a layout prints its table titles. The forms are the ones issue 12 met in real disclosures:
 * numbered with year and unit (「一、2017 年度某某部门收支预算总表」), a 「公开01表」 line above the
 * title, a 「（功能科目）」 suffix (Jiangsu's templates decide it per table: see jiangsu*.ts), and a
 * title wrapped over two lines (「…支出预算 / 表」).
 */
export interface TitleStyle {
  numbered?: boolean;
  prefixed?: boolean;
  suffixed?: boolean;
  wrapped?: boolean;
}

export interface TitleContext {
  year: number;
  unitName: string;
}

export interface PrintedTitle {
  prefix?: string;
  lines: string[];
}

/**
 * The title of the `index`-th table (0-based) in the given style. `base` is the template's title,
 * e.g. 「收支预算总表」 or 「部门预算收支总表」.
 */
export function printTitle(base: string, index: number, style: TitleStyle, ctx: TitleContext): PrintedTitle {
  let title = base;
  if (style.numbered) title = `${CHINESE_ORDINALS[index]}、${ctx.year} 年度${ctx.unitName}${base.startsWith('部门') ? '' : '部门'}${base}`;
  const lines = style.wrapped ? wrap(title, index) : [title];
  return { ...(style.prefixed ? { prefix: `公开${String(index + 1).padStart(2, '0')}表` } : {}), lines };
}

/**
 * Two lines: every other title breaks before its last character (「…支出预算」/「表」), the others
 * about two thirds in, where a narrow title cell would break it.
 */
function wrap(title: string, index: number): string[] {
  const chars = [...title];
  const at = index % 2 === 0 ? chars.length - 1 : Math.ceil((chars.length * 2) / 3);
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}
