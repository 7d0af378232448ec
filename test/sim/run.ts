import type { OptionOverrides, SimOptions } from './options.js';
import { deriveOptions } from './options.js';
import type { SimResult } from './simulator.js';
import { Simulator } from './simulator.js';

export async function runSeed(
  seed: number,
  steps: number,
  over: OptionOverrides = {},
): Promise<{ result: SimResult; options: SimOptions }> {
  const options = deriveOptions(seed, steps, over);
  return { result: await new Simulator(options).run(), options };
}

/** The one-line command that replays a seed exactly. */
export function replayCommand(seed: number, steps: number, over: OptionOverrides = {}): string {
  const extra = [
    over.brokenFigure8 === true ? ' --broken figure8' : '',
    over.clusterSize === undefined ? '' : ` --nodes ${over.clusterSize}`,
  ].join('');
  return `npm run sim -- --seed ${seed} --steps ${steps}${extra}`;
}
