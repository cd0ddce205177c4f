// The routers of this process, by service. The generated shim lives inside the library and the
// library's package exports only its public API, so an application that wants to count mismatches
// (OpenTelemetry, prom-client) or read the counters finds the router here by the service's name.
// The registry lives on globalThis under a registered symbol, so two copies of this package in
// one process still share it.
import type { ShimRouter } from './router.js';

const ROUTERS = Symbol.for('faultline.shim.routers');

function routers(): Map<string, ShimRouter<unknown>> {
  const holder = globalThis as { [ROUTERS]?: Map<string, ShimRouter<unknown>> };
  holder[ROUTERS] ??= new Map<string, ShimRouter<unknown>>();
  return holder[ROUTERS];
}

/** Records a router under its service (the latest one made for a service wins). */
export function register(router: ShimRouter<unknown>): void {
  routers().set(router.service, router as ShimRouter<unknown>);
}

/**
 * The router of a service's shim in this process, once the library that holds it has loaded:
 * `shimRouter('pricing')?.events.on('mismatch', …)`, `shimRouter('pricing')?.stats()`.
 */
export function shimRouter(service: string): ShimRouter<unknown> | undefined {
  return routers().get(service);
}

/** Every shim router in this process, by service. */
export function shimRouters(): ReadonlyMap<string, ShimRouter<unknown>> {
  return routers();
}
