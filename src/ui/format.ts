import { displayWan } from '../lib/model/amount';
import { SCOPE_NAMES, STAGE_NAMES, type Scope, type Stage } from '../lib/model/keys';

export { displayWan };

export function docLabel(d: { unitName: string; year: number; scope: Scope; stage: Stage }): string {
  return `${d.unitName} ${d.year}年${SCOPE_NAMES[d.scope]}${STAGE_NAMES[d.stage]}`;
}
