/** Limits for share links: what we produce and what we agree to read back. */
export const LIMITS = {
  /** Longest link we produce; longer ones are refused with an offer of the CSV file instead. */
  linkChars: 32 * 1024,
  /** Decompressed payload cap: far above any honest link (which is ≤ 32 KB compressed). */
  inflatedBytes: 4 * 1024 * 1024,
  docs: 500,
  figures: 100_000,
  text: 200,
};

/** ≈ 9 × 10^9 万元: beyond any budget, and the largest integer that stays exact. */
export const MAX_SAFE_FEN = Number.MAX_SAFE_INTEGER;
