/**
 * Options shared by the node:http wrapper and the Fastify plugin.
 */

import type { IncomingMessage } from 'node:http';
import type { EventListener } from '../events.js';
import { AdmissionController, type AdmissionOptions } from './admission-controller.js';
import type { RequestContextOptions } from './request-context.js';

/** Server-side resilience options. */
export interface ServerResilienceOptions extends RequestContextOptions {
  /** An admission controller (share one between servers to share its limit), its options, or `false` for none. */
  admission?: AdmissionController | AdmissionOptions | false;
  /** Requests that bypass admission control, such as health and readiness probes. */
  isExempt?: (request: IncomingMessage) => boolean;
  /** Receives `shed` events from the admission controller these options create. */
  onEvent?: EventListener;
}

/** Returns the admission controller the options describe, or undefined when admission is off. */
export function getAdmissionController(options: ServerResilienceOptions): AdmissionController | undefined {
  const { admission } = options;
  if (admission === false) return undefined;
  if (admission instanceof AdmissionController) return admission;
  return new AdmissionController({
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
    ...admission,
  });
}
