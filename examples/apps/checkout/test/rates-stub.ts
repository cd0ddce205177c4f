// Test setup: a rates service stub on loopback. The library reads RATES_URL when it loads, so this
// runs before the test files import it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll } from 'vitest';

const rates = http.createServer((_request, response) =>
  response.end(JSON.stringify({ USD: 1, EUR: 0.92, GBP: 0.79 })),
);
await new Promise<void>(resolve => rates.listen(0, '127.0.0.1', resolve));
process.env.RATES_URL = `http://127.0.0.1:${(rates.address() as AddressInfo).port}/v1/latest`;

afterAll(() => {
  rates.close();
});
