/**
 * word/document.xml → the text a disclosure saved from Word as plain text has, which the text
 * reader knows well (the seeds are such files): each paragraph on its own line, a table row as one
 * line of cells separated by tabs, in document order. A cell spanning columns (gridSpan) is followed
 * by blank cells, a cell continuing a vertical merge is blank: the header bands the text reader
 * understands. Tracked deletions and field codes are not text (only w:t is read).
 */
import { readXml } from './xml';

/** The only elements whose attributes matter here. */
const DOCX_ATTRS: ReadonlySet<string> = new Set(['gridSpan', 'vMerge']);

export function docxText(xml: string): string {
  const out: string[] = [];
  // Nested tables: the innermost row being built; a cell of an outer row collects inner text flat.
  const rows: string[][] = [];
  let para: string | null = null;
  let cell: string | null = null;
  let cellDepth = 0;
  let inText = false;
  let inTabs = false;
  let span = 1;
  let continued = false;
  const flushPara = (text: string) => {
    if (cell !== null) cell += text;
    else {
      out.push(text);
      out.push('');
    }
  };
  readXml(xml, {
    open(name, a, selfClosing) {
      switch (name) {
        case 'p':
          if (!selfClosing) para = '';
          else if (cell === null) out.push('');
          break;
        case 't':
          inText = true;
          break;
        case 'tabs':
          // Tab stops of the paragraph's style (<w:tabs><w:tab w:pos=…/>) are no characters.
          if (!selfClosing) inTabs = true;
          break;
        case 'tab':
          if (para !== null && !inTabs) para += '\t';
          break;
        case 'br':
        case 'cr':
          if (para !== null) para += '\n';
          break;
        case 'tr':
          if (cellDepth === 0) rows.push([]);
          break;
        case 'tc':
          if (cellDepth++ === 0) {
            cell = '';
            span = 1;
            continued = false;
          }
          break;
        case 'gridSpan':
          if (cellDepth === 1) span = Math.max(1, Math.min(64, Number(a.val) || 1));
          break;
        case 'vMerge':
          // <w:vMerge/> (no val) or val="continue" continues the cell above; val="restart" starts one.
          if (cellDepth === 1) continued = a.val !== 'restart';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'tabs':
          inTabs = false;
          break;
        case 'p':
          if (para !== null) flushPara(cell !== null ? para.replace(/[\t\n]+/g, ' ') : para);
          para = null;
          break;
        case 'tc':
          if (--cellDepth === 0 && cell !== null) {
            const row = rows[rows.length - 1];
            row?.push(continued ? '' : cell.replace(/[\t\n]+/g, ' ').trim());
            for (let k = 1; k < span; k++) row?.push('');
            cell = null;
          }
          break;
        case 'tr':
          if (cellDepth === 0) {
            const row = rows.pop();
            if (row) out.push(row.join('\t'));
          }
          break;
        case 'tbl':
          if (cellDepth === 0) out.push('');
          break;
      }
    },
    text(t) {
      if (inText && para !== null) para += t;
    },
  }, DOCX_ATTRS);
  return out.join('\n');
}
