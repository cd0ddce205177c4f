// API-test requesters built on superagent chains.
// Shapes adapted from nikita9/api-automation (src/utils/requester/get.ts), a public
// getTextRetry helper (superagent .retry().timeout()) and renardete/workshop-api-testing-js.

import request from 'superagent';
import superagent, { Response } from 'superagent';

export abstract class Requester {
  constructor(protected endpoint: string) {}
  protected getUrl() {
    return `${process.env.API_BASE}${this.endpoint}`;
  }
  protected getHeaders(): Record<string, string> {
    return { Accept: 'application/json' };
  }
}

export class Get extends Requester {
  public async send<T>(query: Record<string, string> = {}): Promise<T> {
    const res = await request.get(this.getUrl()) // ok
      .set(this.getHeaders())
      .query(query)
      .timeout({
        response: 3000,
        deadline: 5000,
      });
    return res.body as T;
  }
}

export class Post extends Requester {
  public async send<T>(body: object): Promise<T> {
    const res = await request.post(this.getUrl()) // expect: require-timeout
      .set(this.getHeaders())
      .send(body);
    return res.body as T;
  }
}

export class Delete extends Requester {
  public async send(): Promise<number> {
    const res = await request.delete(this.getUrl()).set(this.getHeaders()).timeout(4000); // ok
    return res.status;
  }
}

export async function getTextRetry(url: string, { timeoutSec }: { timeoutSec: number } = { timeoutSec: 5 }): Promise<Response> {
  return await superagent.get(url) // ok
    .retry(3)
    .timeout(timeoutSec * 1000)
    .buffer(true);
}

export async function authGet(url: string): Promise<Response> {
  return await superagent.get(url) // expect: require-timeout
    .auth('token', process.env.ACCESS_TOKEN ?? '')
    .set('User-Agent', 'agent');
}

export async function putJson(url: string, body: object): Promise<Response> {
  return superagent.put(url).send(body).type('json'); // expect: require-timeout
}

export async function patchJson(url: string, body: object): Promise<Response> {
  return superagent.patch(url).send(body).timeout({ deadline: 10_000 }); // ok
}

export async function headStatus(url: string): Promise<number> {
  const res = await superagent.head(url).ok(() => true); // expect: require-timeout
  return res.status;
}

export async function optionsProbe(url: string): Promise<number> {
  const res = await superagent.options(url).timeout({ response: 1500 }).ok(() => true); // ok
  return res.status;
}
