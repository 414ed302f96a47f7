import { STANDARD_TABLES, type Scope, type TableKey } from '../model/keys';
import type { DocSection, PreparedTable } from './tables/prepare';

/**
 * One file, several documents: a 部门 disclosure is often followed by the 单位 disclosures of its
 * units (seed 004: department 203, then unit 203001). A document is one unit, scope, stage and year,
 * so a standard table that the current document already has starts the next document only when what
 * it says about itself (unit line or unit in its title, 部门/单位 in its title, year) differs from the
 * document so far. A table printed twice for the same unit (a table of contents aside, which
 * segment.ts already dropped) stays in its document. Text between two documents (the department's
 * closing notes, 「第二部分 部门所属单位预算」) stays with the first.
 */
export function splitDocuments(sections: readonly DocSection[]): DocSection[][] {
  const docs: DocSection[][] = [[]];
  let seen = new Set<TableKey>();
  let current: Identity = NOBODY;
  for (const s of sections) {
    if (s.kind === 'table' && s.table.table && STANDARD_TABLES.includes(s.table.table)) {
      const id = identityOf(s.table);
      if (seen.has(s.table.table) && differs(current, id)) {
        docs.push([]);
        seen = new Set();
        current = NOBODY;
      }
      seen.add(s.table.table);
      current = { line: current.line ?? id.line, named: current.named ?? id.named, scope: current.scope ?? id.scope, year: current.year ?? id.year };
    }
    docs[docs.length - 1].push(s);
  }
  return docs;
}

/** What a table says about its document: the unit line, the unit named in the title, scope, year. */
interface Identity {
  line: string | null;
  named: string | null;
  scope: Scope | null;
  year: number | null;
}

const NOBODY: Identity = { line: null, named: null, scope: null, year: null };

function identityOf(t: PreparedTable): Identity {
  return { line: t.unit ? `${t.unit.code} ${t.unit.name}` : null, named: t.title.unit, scope: t.title.scope, year: t.year };
}

function differs(a: Identity, b: Identity): boolean {
  const known = <T>(x: T | null, y: T | null) => x !== null && y !== null && x !== y;
  return known(a.line, b.line) || known(a.named, b.named) || known(a.scope, b.scope) || known(a.year, b.year);
}
