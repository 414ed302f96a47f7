import { STANDARD_TABLES } from '../model/keys';
import type { Section } from './segment';

/**
 * One file, several documents: a 部门 disclosure is often followed by the 单位 disclosures of its
 * units (seed 004: department 203, then unit 203001). Each document publishes each standard table
 * once, so a standard table that the current document already has starts the next document. Text
 * between the two (the department's closing notes, 「第二部分 部门所属单位预算」) stays with the first.
 */
export function splitDocuments(sections: readonly Section[]): Section[][] {
  const docs: Section[][] = [[]];
  let seen = new Set<string>();
  for (const s of sections) {
    if (s.kind === 'table' && STANDARD_TABLES.includes(s.title.table)) {
      if (seen.has(s.title.table)) {
        docs.push([]);
        seen = new Set();
      }
      seen.add(s.title.table);
    }
    docs[docs.length - 1].push(s);
  }
  return docs;
}
