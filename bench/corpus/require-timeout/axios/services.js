// Front-end API service module (ESM) with a module-level axios instance.
// Shapes adapted from Gabrasuca/botanical-blog (src/utils/api.js), Evgen4ikk/StyleShop
// (client-side/src/api/instance.ts), Mehboob750/BookStoreAppFrontEnd (httpServices.js)
// and a Braden Nicholson api helper.

import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.botanical.example' });

// The interceptor only sets headers: the instance still has no timeout.
api.interceptors.request.use((config) => {
  config.headers = { Authorization: 'Bearer 123456' };
  return config;
});

export const PostService = {
  list(page = 1) {
    return api.get('/posts', { params: { page } }); // expect: require-timeout
  },
  get(id) {
    return api.get(`/posts/${id}`); // expect: require-timeout
  },
  create(post) {
    return api.post('/posts', post); // expect: require-timeout
  },
  update(id, post) {
    return api.put(`/posts/${id}`, post, { timeout: 8000 }); // ok
  },
  remove(id) {
    return api.delete(`/posts/${id}`, { timeout: 5000 }); // ok
  },
  // Timeout given in the data position of post(): not a config.
  publish(id) {
    return api.post(`/posts/${id}/publish`, { timeout: 5000 }); // expect: require-timeout
  },
};

export const httpServices = {
  post(url, data) {
    return axios.post(url, data); // expect: require-timeout
  },
  get(url) {
    return axios.get(url); // expect: require-timeout
  },
  getWithParams(url, params) {
    return axios.get(url, { params, timeout: 10000 }); // ok
  },
};

const authHeaders = {
  headers: { Authorization: `Bearer ${localStorage.getItem('token')}` },
};

export async function postWithHeaders(url, data) {
  return axios.post(url, data, authHeaders); // expect: require-timeout
}

const boundedHeaders = {
  headers: { Authorization: `Bearer ${localStorage.getItem('token')}` },
  timeout: 4000,
};

export async function postBounded(url, data) {
  return axios.post(url, data, boundedHeaders); // ok
}

export async function getWithSignal(url) {
  return axios.get(url, { signal: AbortSignal.timeout(3000) }); // ok
}

// Config built by a helper call: opaque.
export async function getWithHelper(url, token) {
  return axios.get(url, getAuthHeader(token)); // ok
}

function getAuthHeader(token) {
  return { headers: { Authorization: `bearer ${token}` }, withCredentials: true };
}

// Spread config: opaque.
export async function patchWithSpread(url, data, extra) {
  return axios.patch(url, data, { ...extra }); // ok
}

export async function legacyCall(id) {
  return axios({ // expect: require-timeout
    method: 'post',
    url: `/legacy/${id}`,
    data: { id },
  });
}

export async function legacyCallBounded(id) {
  return axios({ // ok
    method: 'post',
    url: `/legacy/${id}`,
    data: { id },
    timeout: 2500,
  });
}

export async function legacyGet(id) {
  return axios(`/legacy/${id}`, { timeout: 2000 }); // ok
}

export async function legacyGetUnbounded(id) {
  return axios(`/legacy/${id}`); // expect: require-timeout
}

export async function explicitNone(url) {
  return axios.get(url, {
    params: { full: true },
    timeout: 0, // expect: require-timeout
  });
}

export async function headCheck(url) {
  return axios.head(url); // expect: require-timeout
}

export function isCancelled(err) {
  return axios.isCancel(err); // ok
}
