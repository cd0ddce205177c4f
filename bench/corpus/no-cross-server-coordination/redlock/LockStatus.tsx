// An admin page (Next.js server component) that inspects Redlock-held keys.
// The Redlock instance is created in this server module.

import Redis from 'ioredis';
import Redlock from 'redlock';

const redis = new Redis(process.env.REDIS_URL as string); // ok
const redlock = new Redlock([redis]); // expect: no-cross-server-coordination

export default async function LockStatus() {
  const keys = await redis.keys('locks:*'); // ok
  return (
    <section>
      <h2>Held locks ({keys.length})</h2>
      <p>Locks are taken with {redlock ? 'Redlock' : 'nothing'}.</p>
      <ul>{keys.map((k) => <li key={k}>{k}</li>)}</ul>
    </section>
  );
}
