// A React link-preview loader: the hook passes its signal, the loader makes a timeout of its own.

import { useEffect, useState } from 'react';
import ky from 'ky';

async function loadPreview(url: string, signal: AbortSignal) {
  const meta = await ky.get('/api/preview', {
    searchParams: { url },
    signal: AbortSignal.timeout(4000), // expect: require-signal-propagation
  }).json();
  const image = await ky.get('/api/preview/image', {
    searchParams: { url },
    signal: AbortSignal.any([signal, AbortSignal.timeout(4000)]), // ok
  }).blob();
  return { meta, image };
}

export function Preview({ url }: { url: string }) {
  const [preview, setPreview] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    loadPreview(url, controller.signal).then(setPreview, () => undefined);
    return () => controller.abort();
  }, [url]);
  return <pre>{JSON.stringify(preview)}</pre>;
}
