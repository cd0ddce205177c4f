// Remix / React Router loaders and actions: `request.signal` is aborted when the user navigates away.
// Shapes adapted from Girish21/react-trpc (index.data.ts: "LoaderFunctionArgs.signal is the
// AbortController signal for the route" with `fetch(…, { signal: args.signal })`) and
// griffin94/react-router-v6-project (src/pages/api.js: `fetch(request.url, { signal: request.signal })`).

import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import ky from 'ky';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [product, reviews] = await Promise.all([
    fetch(`https://catalog.example.com/v1/products/${params.id}`, { signal: request.signal }).then((r) => r.json()), // ok
    fetch(`https://reviews.example.com/v1/products/${params.id}`).then((r) => r.json()), // expect: require-signal-propagation
  ]);
  return json({ product, reviews });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  await ky.post('https://cart.example.com/v1/items', { json: Object.fromEntries(form) }); // expect: require-signal-propagation
  await ky.post('https://analytics.example.com/v1/events', { json: { type: 'add_to_cart' }, signal: request.signal }); // ok
  return json({ ok: true });
}

export default function Product() {
  const { product } = useLoaderData<typeof loader>();
  return <h1>{String((product as { name?: string }).name)}</h1>;
}
