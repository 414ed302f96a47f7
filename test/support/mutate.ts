/**
 * Seeded damage for the hostile-file tests (issue 14): the same seed gives the same mutant on every
 * machine, so a failure names a case that can be replayed. mulberry32, as in the importer's fuzz test.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A damaged copy: 1..`most` bytes at random places, each with one bit flipped (even `case`) or
 * set to NUL (odd `case`). `seed` and `case` pick the places.
 */
export function damage(bytes: Uint8Array, seed: number, index: number, most = 8): Uint8Array {
  const rng = mulberry32(seed * 1000 + index);
  const out = bytes.slice();
  const nul = index % 2 === 1;
  const count = 1 + Math.floor(rng() * most);
  for (let j = 0; j < count; j++) {
    const at = Math.floor(rng() * out.length);
    if (nul) out[at] = 0;
    else out[at] ^= 1 << Math.floor(rng() * 8);
  }
  return out;
}
