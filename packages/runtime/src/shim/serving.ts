// Which services this process serves. A service generated in wrap mode runs the library, whose shim
// could route a call back to the service itself if the flags (shared with the library's other
// users) said remote: the generated server marks its process before the library loads, and the
// generated shim pins itself to local where the mark is. The mark lives on globalThis under a
// registered symbol, so two copies of this package in one process still agree.

const SERVING = Symbol.for('faultline.shim.serving');

function served(): Set<string> {
  const holder = globalThis as { [SERVING]?: Set<string> };
  holder[SERVING] ??= new Set<string>();
  return holder[SERVING];
}

/** Marks this process as the given service (the generated server calls it before the library loads). */
export function markServing(service: string): void {
  served().add(service);
}

/** True in the process of the given service: its library shim serves every call locally there. */
export function isServing(service: string): boolean {
  return served().has(service);
}
