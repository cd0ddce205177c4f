/**
 * A Fastify 5 plugin wiring the server side of the runtime: every request gets `request.deadline`
 * (its signal aborts at the caller's deadline or when the caller disconnects), and admission
 * control answers what cannot start in time with 503 + Retry-After from an `onRequest` hook,
 * before body parsing or validation spend anything on it. Fastify is only a type import here,
 * so the runtime keeps zero dependencies.
 */

import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Deadline } from './deadline.js';
import { DeadlineExceededError, ShedError } from './errors.js';
import { createRequestContext, getRequestTimeoutMs } from './server/request-context.js';
import { getAdmissionController, type ServerResilienceOptions } from './server/server-options.js';
import { getShedResponse } from './server/shed-response.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's deadline; pass it to downstream calls, and its signal to any I/O. */
    deadline: Deadline;
  }
}

/** Options of {@link fastifyResilience}. */
export type FastifyResilienceOptions = ServerResilienceOptions;

const plugin = async (fastify: FastifyInstance, options: FastifyResilienceOptions): Promise<void> => {
  const admission = getAdmissionController(options);
  fastify.decorateRequest('deadline', null as unknown as Deadline);
  const refuse = (error: ShedError, reply: FastifyReply): FastifyReply => {
    const shed = getShedResponse(error);
    return reply.code(shed.status).headers(shed.headers).send(shed.body);
  };

  fastify.addHook('onRequest', async (request, reply) => {
    const timeoutMs = getRequestTimeoutMs(request.raw, options);
    if (admission === undefined || options.isExempt?.(request.raw) === true) {
      request.deadline = createRequestContext(request.raw, reply.raw, options, timeoutMs).deadline;
      return undefined;
    }
    // Decided before anything is allocated for the request, so a refusal costs next to nothing.
    const decision = admission.tryAdmit(timeoutMs);
    if (decision instanceof ShedError) return refuse(decision, reply);
    const context = createRequestContext(request.raw, reply.raw, options, timeoutMs);
    request.deadline = context.deadline;
    if (decision !== undefined) {
      reply.raw.once('close', decision);
      return undefined;
    }
    try {
      const release = await admission.admit({ deadline: context.deadline, signal: context.signal });
      reply.raw.once('close', release);
    } catch (error) {
      if (error instanceof ShedError) return refuse(error, reply);
      if (error instanceof DeadlineExceededError) return reply.code(504).send({ error: 'deadline exceeded' });
      // The caller left while queued; there is nobody to answer.
      return reply.hijack();
    }
    return undefined;
  });
};

// What fastify-plugin would set, written out so the runtime needs no dependency: the hooks apply
// to the instance the plugin is registered on rather than to a private child context.
Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@faultline/runtime',
  [Symbol.for('plugin-meta')]: { name: '@faultline/runtime', fastify: '5.x' },
});

/** The Fastify 5 plugin: `await app.register(fastifyResilience, { admission: { maxConcurrent: 32 } })`. */
export const fastifyResilience: FastifyPluginAsync<FastifyResilienceOptions> = plugin;
