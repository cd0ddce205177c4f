// `items.map(fn)` for an async `fn`, with at most `limit` calls in flight. faultline's codemod
// writes it where a synchronous export that became a remote call is mapped over a collection:
// `Promise.all(items.map(fn))` would send one request per item at once, which is the unbounded
// fan-out a service has to shed. Results keep the order of the items; the first failure rejects
// (as Promise.all does) and no new call starts after it.

/**
 * Maps `items` through an async `fn` with at most `limit` calls running at once, resolving to the
 * results in the items' order. Rejects with the first error; calls already running are not
 * cancelled, but no further call starts.
 */
export async function mapConcurrent<T, R>(
  items: Iterable<T> | ArrayLike<T>,
  limit: number,
  fn: (item: T, index: number, items: readonly T[]) => R | PromiseLike<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`mapConcurrent: limit must be a whole number ≥ 1, got ${limit}`);
  const list: readonly T[] = Array.from(items);
  const results = new Array<R>(list.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < list.length) {
      const index = next++;
      try {
        results[index] = await fn(list[index] as T, index, list);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let started = 0; started < Math.min(limit, list.length); started++) workers.push(worker());
  await Promise.all(workers);
  return results;
}
