// A React upload widget that retries chunk uploads with p-retry.
// Shapes adapted from the p-retry wrappers returned by the code search (`{ retries: 2, factor: 2,
// minTimeout: 100, maxTimeout: 1000 }`) used from component event handlers.

import { useState } from 'react';
import pRetry from 'p-retry';

export function UploadButton({ file }: { file: File }) {
  const [progress, setProgress] = useState(0);

  async function uploadChunk(index: number, chunk: Blob) {
    // Three retries: the largest wait is 4 s; randomized: correct.
    await pRetry(() => fetch(`/api/uploads/${file.name}/chunks/${index}`, { method: 'PUT', body: chunk }), { retries: 3, randomize: true }); // ok
  }

  async function finish() {
    // Capped, but not randomized.
    return pRetry(() => fetch(`/api/uploads/${file.name}/complete`, { method: 'PUT' }), { retries: 2, maxTimeout: 3000 }); // expect: require-backoff
  }

  async function verify() {
    // Bounded by time and count, randomized: correct.
    return pRetry(() => fetch(`/api/uploads/${file.name}`), { retries: 3, randomize: true, maxRetryTime: 10_000 }); // ok
  }

  async function onClick() {
    const size = 5 * 1024 * 1024;
    for (let i = 0; i * size < file.size; i++) {
      await uploadChunk(i, file.slice(i * size, (i + 1) * size));
      setProgress(Math.min(100, Math.round(((i + 1) * size * 100) / file.size)));
    }
    await finish();
    await verify();
  }

  return (
    <button type="button" onClick={onClick}>
      Upload ({progress}%)
    </button>
  );
}
