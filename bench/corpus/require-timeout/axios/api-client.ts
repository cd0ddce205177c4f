// Class-based API clients that keep an axios instance in a field.
// Shapes adapted from Ygg-Web/knowledgeControlAppReact (frontend/src/api/config/ApiClient.ts),
// thoughtworks/HeartBeat (frontend/src/clients/newHttpClient.ts), aeroith/poc_sony_mobile
// (src/utils/api-client.js) and Alexcsmbz/654801-typoteka-3 (src/express/api/api.js).

import axios, { AxiosInstance, AxiosRequestConfig } from 'axios';

export class BoundedApiClient {
  api: AxiosInstance;

  constructor(baseURL: string) {
    this.api = axios.create({
      baseURL,
      timeout: 5000,
      headers: { 'Content-Type': 'application/json' },
    });
  }

  getUser(id: string) {
    return this.api.get(`/users/${id}`); // ok
  }

  createUser(body: unknown) {
    return this.api.post('/users', body); // ok
  }

  // A per-call override that disables the instance timeout.
  exportAll() {
    return this.api.get('/users/export', {
      responseType: 'stream',
      timeout: 0, // expect: require-timeout
    });
  }
}

export class HttpClient {
  protected httpTimeout = 300000;
  protected axiosInstance: AxiosInstance;

  constructor() {
    this.axiosInstance = axios.create({
      baseURL: '/api/v1',
      timeout: this.httpTimeout,
    });
  }

  fetchBoards() {
    return this.axiosInstance.get('/boards'); // ok
  }
}

export class UnboundedApiClient {
  private instance: AxiosInstance;

  constructor(apiUrl: string) {
    this.instance = axios.create({ baseURL: apiUrl });
  }

  get(url: string, config?: AxiosRequestConfig) {
    return this.instance.get(url, config); // ok
  }

  list(resource: string) {
    return this.instance.get(`/${resource}`); // expect: require-timeout
  }

  post(url: string, body: unknown) {
    return this.instance.post(url, body); // expect: require-timeout
  }

  put(url: string, body: unknown) {
    return this.instance.put(url, body, { timeout: 15_000 }); // ok
  }

  remove(url: string) {
    return this.instance.delete(url); // expect: require-timeout
  }
}

export class TypotekaApi {
  private _http: AxiosInstance;

  constructor(baseURL: string, timeout: number) {
    this._http = axios.create({ baseURL, timeout });
  }

  async _request(url: string, options: AxiosRequestConfig) {
    const response = await this._http.request({ url, ...options }); // ok
    return response.data;
  }

  getArticles() {
    return this._http.get('/articles'); // ok
  }
}

// A second instance whose defaults are raised after creation.
const reports = axios.create({ baseURL: '/reports' });
reports.defaults.timeout = 120_000;

export function downloadReport(id: string) {
  return reports.get(`/${id}.csv`); // ok
}

// An instance with no timeout, used through a module-level const.
const uploads = axios.create({ baseURL: '/uploads', maxBodyLength: Infinity });

export function uploadFile(form: FormData) {
  return uploads.post('/', form, { headers: { 'Content-Type': 'multipart/form-data' } }); // expect: require-timeout
}

export function uploadFileBounded(form: FormData) {
  return uploads.postForm('/', form, { timeout: 60_000 }); // ok
}

export async function fetchWithRequest(id: string) {
  return uploads.request({ url: `/${id}`, method: 'GET' }); // expect: require-timeout
}
