// An ESM pipeline step with helper functions declared in the module.

import axios from 'axios';

const http = axios.create({ baseURL: 'https://pipeline.internal' });

export async function extract(source, signal) {
  return (await http.get(`/sources/${source}`, { signal })).data; // ok
}

export const transform = (rows) => rows.map((r) => ({ ...r, at: new Date(r.at) }));

export async function load(rows, { signal } = {}) {
  return http.post('/sink', rows, { signal }); // ok
}

export async function run(source, signal) {
  const rows = await extract(source); // expect: require-signal-propagation
  const clean = transform(rows); // ok
  await load(clean); // expect: require-signal-propagation
  await load(clean, { signal }); // ok
  return clean.length;
}
