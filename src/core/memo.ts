/**
 * Ledgers repeat the same few texts thousands of times (the same department list, the same
 * "6月底前", the same "正在推进"), so the engine remembers recent answers per text. Bounded: when
 * full it starts afresh, so a sheet of all-different texts costs no more memory than this.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = compute(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
