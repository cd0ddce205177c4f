// Test-side look-alikes: supertest (in-process requests against the app under test) and a
// query builder whose `.timeout()` is unrelated, next to real superagent calls in an
// integration suite. Shapes adapted from common supertest/jest suites.

import request from 'supertest';
import superagent from 'superagent';
import { app } from '../src/app.js';

describe('GET /health', () => {
  it('responds 200', async () => {
    await request(app).get('/health').expect(200); // ok
  });

  it('creates a user', async () => {
    const res = await request(app).post('/users').send({ name: 'ada' }); // ok
    expect(res.status).toBe(201);
  });
});

describe('upstream', () => {
  it('talks to the real API directly', async () => {
    const res = await superagent.get(process.env.UPSTREAM_URL); // expect: require-timeout
    expect(res.status).toBe(200);
  });

  it('talks to the real API directly with a deadline', async () => {
    const res = await superagent.get(process.env.UPSTREAM_URL).timeout(2000); // ok
    expect(res.status).toBe(200);
  });
});

// A local query builder with get()/timeout() methods.
const query = {
  get(table) {
    return { timeout: (ms) => ({ table, ms }) };
  },
};
export const built = query.get('users').timeout(100); // ok
