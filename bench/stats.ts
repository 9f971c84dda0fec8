// Small statistics for side-by-side benchmarks: medians and ratios, no timing asserts.
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Runs each variant once per round, alternating, so drift on a shared machine hits all alike. */
export async function alternate<T extends string>(
  rounds: number,
  variants: Record<T, () => number | Promise<number>>,
): Promise<Record<T, number[]>> {
  const names = Object.keys(variants) as T[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<T, number[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) samples[name].push(await variants[name]());
  }
  return samples;
}
