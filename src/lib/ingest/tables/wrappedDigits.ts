import type { Row } from '../lines';

/**
 * Amounts wrapped in columns too narrow for them, their last digit on a line of its own below (杭州
 * 公安's 一般公共预算支出表: 「370,219.2」 over 「5」, the row's label and its other amounts centred between
 * them). The PDF's rows come as three: the cut amounts, the label's row, the digits. Read as they were,
 * the first and last were rows without a code (said, not read) and the label's row lost its 合计.
 *
 * Joined where the structure leaves no doubt: every amount of the first row is cut (one decimal), the
 * third row prints one digit under each of them and nothing else, and the row between prints nothing
 * in those columns. The digits go onto their amounts, in the middle row, which keeps the label.
 */
export function joinWrappedDigits(body: Row[]): Row[] {
  // Most tables have no cut amount: found without a copy.
  if (!body.some((r) => cutColumns(r.cells))) return body;
  const out: Row[] = [];
  for (let i = 0; i < body.length; i++) {
    const [cut, middle, digits] = [body[i], body[i + 1], body[i + 2]];
    const at = cutColumns(cut.cells);
    if (!at || !middle || !digits || !completes(at, digits.cells) || at.some((c) => (middle.cells[c] ?? '') !== '')) {
      out.push(cut);
      continue;
    }
    const cells = [...middle.cells];
    const lines = [...middle.lines];
    for (const c of at) {
      while (cells.length <= c) {
        cells.push('');
        lines.push(middle.line);
      }
      cells[c] = cut.cells[c] + digits.cells[c];
      lines[c] = cut.lines[c];
    }
    out.push({ ...middle, cells, lines });
    i += 2;
  }
  return out;
}

/** The columns of a row whose every filled cell is an amount cut after its first decimal; null otherwise. */
function cutColumns(cells: readonly string[]): number[] | null {
  let at: number[] | null = null;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === '') continue;
    // The point before the last character, tested before the pattern: most cells are labels.
    if (cells[i].charCodeAt(cells[i].length - 2) !== 46 || !CUT.test(cells[i])) return null;
    (at ??= []).push(i);
  }
  return at;
}

/** Whether a row prints one digit under each cut amount and nothing else. */
function completes(at: readonly number[], cells: readonly string[]): boolean {
  let filled = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') filled++;
  return filled === at.length && at.every((c) => /^\d$/.test(cells[c] ?? ''));
}

/** An amount cut after its first decimal: 「370,219.2」, 「1682.7」. */
const CUT = /^\d{1,3}(?:,\d{3})*\.\d$|^\d+\.\d$/;
