/**
 * A unit's identity across years. Its key is its printed code (`code:543`), else its name
 * (`name:信访局`); a document that prints no code joins the coded unit of the same name. Links made
 * by hand (table unit_link) then map a key onto another, so 信访局 and 信访局（市委群工部） can be one
 * unit when a code or name changed.
 */
export function unitKeyOf(code: string, name: string): string {
  return code ? `code:${code}` : `name:${name}`;
}

/** Follows links to the end. Chains are kept (not flattened) so that unlinking a unit takes its own links with it. */
export function resolveKey(key: string, links: ReadonlyMap<string, string>): string {
  let k = key;
  // A cycle cannot be created through linkUnits, but a damaged or hand-edited library must not hang.
  for (let i = 0; i < 32 && links.has(k); i++) k = links.get(k)!;
  return k;
}
