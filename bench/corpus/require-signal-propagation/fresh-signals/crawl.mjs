// An ESM crawler step: the runner's signal versus per-request controllers.

import { request } from 'undici';

export async function fetchPage(url, signal) {
  const perRequest = new AbortController();
  const t = setTimeout(() => perRequest.abort(), 10_000);
  try {
    const { body } = await request(url, {
      signal: perRequest.signal, // expect: require-signal-propagation
    });
    return await body.text();
  } finally {
    clearTimeout(t);
  }
}

export async function fetchSitemap(origin, signal) {
  const perRequest = new AbortController();
  signal.addEventListener('abort', () => perRequest.abort());
  const { body } = await request(`${origin}/sitemap.xml`, {
    signal: perRequest.signal, // ok
  });
  return body.text();
}

export async function fetchRobots(origin) {
  const { body } = await request(`${origin}/robots.txt`, {
    signal: AbortSignal.timeout(5000), // ok
  });
  return body.text();
}
