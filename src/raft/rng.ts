/**
 * Randomness for the deterministic core. The core has no randomness of its own:
 * the driver injects an Rng (seeded from the OS in production, from the
 * simulator's seed in tests), so one seed replays a whole cluster exactly.
 */
export interface Rng {
  /** A uniformly distributed integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** A uniformly distributed float in [0, 1). */
  float(): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded through
 * splitmix32 so that neighbouring seeds give unrelated streams. 32-bit state
 * words keep it exact in JavaScript's integer arithmetic.
 */
export class SeededRng implements Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.#u32();
  }

  #u32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  float(): number {
    return this.#u32() / 4294967296;
  }

  int(maxExclusive: number): number {
    if (!(maxExclusive >= 1))
      throw new RangeError(`rng: maxExclusive must be >= 1, got ${String(maxExclusive)}`);
    return Math.floor(this.float() * maxExclusive);
  }
}
