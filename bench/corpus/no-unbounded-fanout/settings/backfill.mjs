// An ESM backfill (top-level await) mixing configured and unconfigured limiters.

import ky from 'ky';
import pLimit from 'p-limit';
import { runLimited } from '@acme/concurrency';

const { ids } = await ky.get('https://ledger.internal/v1/missing').json();
const limit = pLimit(4);

await Promise.all(ids.map((id) => runLimited(() => ky.post(`https://ledger.internal/v1/backfill/${id}`)))); // ok
await Promise.all(ids.map((id) => limit(() => ky.post(`https://ledger.internal/v1/verify/${id}`)))); // ok
await Promise.all(ids.map((id) => ky.post(`https://ledger.internal/v1/notify/${id}`))); // expect: no-unbounded-fanout

const pending = [];
for (const id of ids) pending.push(ky.get(`https://ledger.internal/v1/entries/${id}`).json()); // expect: no-unbounded-fanout
await Promise.all(pending);
