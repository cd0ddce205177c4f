/**
 * Per-file state kept beside the file model (the deadline reader, the retry analysis, the linted
 * module's project info) is dropped when the last rule is done with the file, not when the next
 * file arrives: held until then, it keeps the finished file's tree alive through minor garbage
 * collections, which copy and promote it. A module of its own so that every holder can register
 * without an import cycle through the file model.
 */
const releasers: (() => void)[] = [];

/** Registers a function that drops per-file state when the file's last rule is done with it. */
export function onFileReleased(release: () => void): void {
  releasers.push(release);
}

/** Drops every registered module's per-file state (called by `releaseFile` in the file model). */
export function fileReleased(): void {
  for (const release of releasers) release();
}
