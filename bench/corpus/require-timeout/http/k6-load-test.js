// A k6 load-test script: `http` here is k6's module, not node:http.
// Shape adapted from k6 documentation examples used in many repos' load-test folders.

import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  vus: 10,
  duration: '30s',
};

export default function () {
  const res = http.get('https://test.k6.io'); // ok
  check(res, { 'status was 200': (r) => r.status == 200 });

  const login = http.post('https://test.k6.io/login', { user: 'u', password: 'p' }); // ok
  check(login, { 'logged in': (r) => r.status == 200 });

  const batch = http.batch([ // ok
    ['GET', 'https://test.k6.io/news.php'],
    ['GET', 'https://test.k6.io/contacts.php'],
  ]);
  check(batch[0], { 'news ok': (r) => r.status == 200 });

  const custom = http.request('PUT', 'https://test.k6.io/api', JSON.stringify({ a: 1 })); // ok
  check(custom, { 'put ok': (r) => r.status < 500 });

  sleep(1);
}
