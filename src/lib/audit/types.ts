import type { Fen } from '../model/amount';

/** The result types live in model/audit.ts: the store keeps them, the UI shows them. */
export * from '../model/audit';

/** Amount helper type used by the relations: a printed figure, or null for a blank cell. */
export type Cell = Fen | null;
