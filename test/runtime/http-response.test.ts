import { describe, expect, it } from 'vitest';
import { createHttpResponse } from '../../packages/runtime/src/client/http-response.js';

function bufferOf(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer;
}

describe('createHttpResponse', () => {
  it('reports status, ok and headers of the original response', () => {
    const response = createHttpResponse(
      new Response(null, { status: 201, headers: { etag: '"1"' } }),
      bufferOf(''),
    );
    expect([response.status, response.ok, response.headers.get('etag')]).toEqual([201, true, '"1"']);
  });

  it('reads the buffered body as text', async () => {
    await expect(createHttpResponse(new Response(null), bufferOf('héllo')).text()).resolves.toBe('héllo');
  });

  it('parses the buffered body as JSON', async () => {
    await expect(createHttpResponse(new Response(null), bufferOf('{"a":[1]}')).json()).resolves.toEqual({
      a: [1],
    });
  });

  it('reads an empty body as undefined JSON', async () => {
    await expect(createHttpResponse(new Response(null), bufferOf('')).json()).resolves.toBeUndefined();
  });

  it('reports bodyUsed once the body was read', async () => {
    const response = createHttpResponse(new Response(null), bufferOf('x'));
    await response.bytes();
    expect(response.bodyUsed).toBe(true);
  });
});
