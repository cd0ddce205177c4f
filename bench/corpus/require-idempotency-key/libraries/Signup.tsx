// A React signup form that retries account creation with p-retry.

import { useState } from 'react';
import pRetry from 'p-retry';
import axios from 'axios';

export function Signup() {
  const [email, setEmail] = useState('');

  async function onSubmit() {
    await pRetry(() => axios.post('/api/accounts', { email }), { retries: 2, randomize: true }); // expect: require-idempotency-key
    await pRetry(() => axios.get(`/api/accounts/exists?email=${encodeURIComponent(email)}`), { retries: 2, randomize: true }); // ok
  }

  return (
    <form onSubmit={(e) => { e.preventDefault(); void onSubmit(); }}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit">Sign up</button>
    </form>
  );
}
