/**
 * Percentage rollout buckets. A key (a user, a tenant) is hashed together with the rollout flag's
 * key into one of 10 000 buckets, so the same key lands in the same bucket in every process, on
 * every version, for as long as the flag key stays the same; and because a key is inside a
 * rollout of p % exactly when its bucket is below p × 100, raising the percentage only ever adds
 * keys: a key served remotely at 30 % is still served remotely at 50 %.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over the UTF-8 bytes of `text` (the published algorithm, so another language
 * can reproduce the buckets): `fnv1a32('') === 0x811c9dc5`, `fnv1a32('a') === 0xe40c292c`.
 */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    // Hash UTF-8 bytes rather than UTF-16 code units, without allocating an encoded copy.
    if (code < 0x80) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        index++;
      }
    }
    // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    const bytes =
      code < 0x800
        ? [0xc0 | (code >> 6), 0x80 | (code & 0x3f)]
        : code < 0x10000
          ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          : [
              0xf0 | (code >> 18),
              0x80 | ((code >> 12) & 0x3f),
              0x80 | ((code >> 6) & 0x3f),
              0x80 | (code & 0x3f),
            ];
    for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Buckets per percentage point: a rollout can be set in steps of 0.01 %. */
const BUCKETS = 10_000;

/**
 * The bucket of `key` under the rollout flag `flagKey`, as a percentage in [0, 100) with two
 * decimals: the key is inside a rollout of `percent` when `rolloutBucket(flagKey, key) < percent`.
 */
export function rolloutBucket(flagKey: string, key: string): number {
  return (fnv1a32(`${flagKey}\u0000${key}`) % BUCKETS) / (BUCKETS / 100);
}
