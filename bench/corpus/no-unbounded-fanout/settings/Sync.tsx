// A React sync button using the configured helper.

import axios from 'axios';
import { runLimited } from '@acme/concurrency';

export function SyncButton({ ids }: { ids: string[] }) {
  async function sync() {
    await Promise.all(ids.map((id) => runLimited(() => axios.post(`/api/sync/${id}`)))); // ok
    await Promise.all(ids.map((id) => axios.get(`/api/sync/${id}/status`))); // expect: no-unbounded-fanout
  }
  return (
    <button type="button" onClick={sync}>
      Sync {ids.length}
    </button>
  );
}
