import type { NarrativeParagraph } from '../../model/narrative';
import type { Row } from '../lines';
import { compact } from '../normalize';

/**
 * The narrative as one stream of text with whitespace removed, because sentences wrap across lines
 * (and PDF text breaks numbers: 「115 43.27」), with each offset's source line. Cells of one row are
 * kept apart by '|' so that two printed numbers never read as one; rows are joined with nothing.
 */
export interface Stream {
  text: string;
  starts: number[];
  lines: number[];
  /** Offsets where a paragraph starts (a heading or list marker, or after a row ending a sentence). */
  breaks: number[];
}

/** A row that is only a page number (「19」「— 3 —」「- 3 -」「─ 3 ─」), printed into the running text. */
const PAGE_NUMBER = /^[\s\-—–－─]*\d{1,3}[\s\-—–－─]*$/;
/** What a number on a row of its own continues with when it is part of the sentence. */
const CONTINUES = /^[\s]*(?:亿元|万元|千元|元|%|％|年|个|辆|人|项|台|[．.、])/;
/** 「— 3 —」: dashes around the number make it a page number wherever it stands. */
const DASHED = /^[\s]*[-—–－─]+\s*\d{1,3}\s*[-—–－─]+[\s]*$/;
/** The next row starts a numbered item (「5 ．法院（款）…」): the lone number before it is a page number. */
const LIST_ITEM = /^\s*\d{1,2}\s*[．、.]\s*[^\d\s]/;
const MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[．.、](?!\d)|第[一二三四五六七八九十]+部分)/;

export function buildStream(rows: readonly Row[]): Stream {
  let text = '';
  const starts: number[] = [];
  const lines: number[] = [];
  const breaks: number[] = [0];
  let endedSentence = false;
  // The text's last character, kept as it grows: testing the end of the growing text itself made
  // V8 flatten it on every row (quadratic in the narrative's length).
  let lastChar = '';
  rows.forEach((row, r) => {
    const cells = row.cells.filter(Boolean);
    if (cells.length === 1 && (DASHED.test(cells[0]) || (PAGE_NUMBER.test(cells[0]) && !isPartOfSentence(rows, r)))) return;
    const first = cells[0]?.trim() ?? '';
    if (text && (MARKER.test(first) || endedSentence || cells.length > 1)) {
      if (breaks[breaks.length - 1] !== text.length) breaks.push(text.length);
    }
    let firstCell = true;
    row.cells.forEach((c, i) => {
      if (!c) return;
      if (!firstCell) {
        text += '|';
        lastChar = '|';
      }
      firstCell = false;
      starts.push(text.length);
      lines.push(row.lines[i]);
      const words = compact(c);
      text += words;
      if (words) lastChar = words[words.length - 1];
    });
    endedSentence = lastChar === '。' || lastChar === '：' || lastChar === ':' || cells.length > 1;
  });
  return { text, starts, lines, breaks };
}

/** A lone number is part of the sentence when the next row goes on with its unit (「2017」「年…」). */
function isPartOfSentence(rows: readonly Row[], r: number): boolean {
  const next = rows[r + 1]?.cells.find(Boolean);
  if (next === undefined || LIST_ITEM.test(next)) return false;
  return CONTINUES.test(next);
}

export function lineAt(s: Stream, offset: number): number {
  let lo = 0;
  let hi = s.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return s.lines[lo] ?? 1;
}

export function paragraphs(s: Stream): NarrativeParagraph[] {
  const out: NarrativeParagraph[] = [];
  for (let i = 0; i < s.breaks.length; i++) {
    const from = s.breaks[i];
    const to = s.breaks[i + 1] ?? s.text.length;
    const text = s.text.slice(from, to);
    if (text.replace(/\|/g, '').trim()) out.push({ text, source: { line: lineAt(s, from) } });
  }
  return out;
}

/** The sentence around an offset: from the previous 。！？ (or paragraph start) to the next one. */
export function sentenceAt(s: Stream, offset: number): { from: number; to: number } {
  let from = offset;
  while (from > 0 && !/[。！？!?]/.test(s.text[from - 1])) from--;
  let to = offset;
  while (to < s.text.length && !/[。！？!?]/.test(s.text[to])) to++;
  return { from, to: Math.min(s.text.length, to + 1) };
}
