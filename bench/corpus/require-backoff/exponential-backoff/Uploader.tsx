// A React avatar uploader that retries with exponential-backoff.
// Shape adapted from the coveo/exponential-backoff README used inside component handlers.

import { useState } from 'react';
import { backOff } from 'exponential-backoff';

export function Uploader({ userId }: { userId: string }) {
  const [state, setState] = useState<'idle' | 'uploading' | 'done' | 'failed'>('idle');

  async function upload(file: File) {
    setState('uploading');
    try {
      // Three attempts (largest wait 200 ms) but no jitter.
      await backOff(() => fetch(`/api/users/${userId}/avatar`, { method: 'PUT', body: file }), { numOfAttempts: 3 }); // expect: require-backoff
      // Bounded, jittered: correct.
      await backOff(() => fetch(`/api/users/${userId}/avatar/thumbnail`, { method: 'PUT' }), { numOfAttempts: 3, jitter: 'full' }); // ok
      setState('done');
    } catch {
      setState('failed');
    }
  }

  async function refresh() {
    // Defaults: uncapped.
    return backOff(() => fetch(`/api/users/${userId}`)); // expect: require-backoff
  }

  return (
    <label>
      <input type="file" onChange={(e) => e.target.files && upload(e.target.files[0])} />
      <button type="button" onClick={refresh}>
        {state}
      </button>
    </label>
  );
}
