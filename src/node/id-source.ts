import { randomInt, randomUUID } from 'node:crypto';

/**
 * The driver's randomness port: read-request ids and the seed of the core's
 * election-timeout PRNG. Production draws from node:crypto; the simulator
 * derives both from the run's seed.
 */
export interface IdSource {
  nextId(): string;
  /** A seed for the core's SeededRng, drawn once per incarnation. */
  rngSeed(): number;
}

export const cryptoIds: IdSource = {
  nextId: () => randomUUID(),
  rngSeed: () => randomInt(2 ** 31),
};
