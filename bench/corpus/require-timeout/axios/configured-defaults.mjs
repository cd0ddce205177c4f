// Global axios defaults set once in the module that makes the calls.
// Shapes adapted from ztj1993/vue-template (configure/axios.js) and
// JonathasMarques/memories (frontend/src/axios-config.js).

import axios from 'axios';

axios.defaults.baseURL = process.env.VUE_APP_API_URI;
axios.defaults.headers.post['Content-Type'] = 'application/json';
axios.defaults.timeout = 10000;

export async function fetchMemories() {
  const { data } = await axios.get('/memories'); // ok
  return data;
}

export async function createMemory(memory) {
  const { data } = await axios.post('/memories', memory); // ok
  return data;
}

export async function deleteMemory(id) {
  await axios.delete(`/memories/${id}`); // ok
}

// A per-call override of the global default.
export async function exportMemories() {
  const { data } = await axios.get('/memories/export', {
    responseType: 'blob',
    timeout: 0, // expect: require-timeout
  });
  return data;
}

export async function likeMemory(id) {
  const { data } = await axios.patch(`/memories/${id}/like`); // ok
  return data;
}
