/** A source of uniform numbers in [0, 1); injected so tests can fix the draws. */
export type Random = () => number;

/**
 * One item drawn with probability weight / total weight (mysql-fabric.md §6:
 * Fabric's connector spread reads over secondaries by `weight`). Items with
 * a weight that is not finite and positive are never drawn. Undefined when
 * nothing can be drawn.
 */
export function weightedChoice<T>(
  items: readonly T[],
  weightOf: (item: T) => number,
  random: Random,
): T | undefined {
  let total = 0;
  for (const item of items) total += usable(weightOf(item));
  if (total <= 0) return undefined;
  let point = random() * total;
  let last: T | undefined;
  for (const item of items) {
    const w = usable(weightOf(item));
    if (w === 0) continue;
    last = item;
    if (point < w) return item;
    point -= w;
  }
  // Rounding can leave `point` a hair above the last weight.
  return last;
}

function usable(w: number): number {
  return Number.isFinite(w) && w > 0 ? w : 0;
}
