// A React inventory view: the loader receives the effect's signal.

import { useEffect, useState } from 'react';
import axios from 'axios';
import ky from 'ky';

async function loadInventory(warehouse: string, signal: AbortSignal) {
  const [{ data: items }, counts] = await Promise.all([
    axios.get(`/api/warehouses/${warehouse}/items`, { signal }), // ok
    ky.get(`/api/warehouses/${warehouse}/counts`).json(), // expect: require-signal-propagation
  ]);
  return { items, counts };
}

export function Inventory({ warehouse }: { warehouse: string }) {
  const [state, setState] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    loadInventory(warehouse, controller.signal).then(setState, () => undefined);
    return () => controller.abort();
  }, [warehouse]);
  return <pre>{JSON.stringify(state)}</pre>;
}
