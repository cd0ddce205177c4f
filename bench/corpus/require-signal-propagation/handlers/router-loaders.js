// React Router data loaders written in plain JS (ESM).
// Shape adapted from griffin94/react-router-v6-project (src/pages/api.js) and its `loader` export.

export const vansLoader = async ({ request }) => {
  const response = await fetch('/api/vans', { // ok
    signal: request.signal,
    headers: { 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw { message: 'Failed to fetch vans', status: response.status };
  return response.json();
};

export const hostLoader = async ({ request, params }) => {
  const response = await fetch(`/api/host/vans/${params.id}`); // expect: require-signal-propagation
  return response.json();
};

export async function reviewsLoader({ request }) {
  const [reviews, income] = await Promise.all([
    fetch('/api/host/reviews', { signal: request.signal }).then((r) => r.json()), // ok
    fetch('/api/host/income').then((r) => r.json()), // expect: require-signal-propagation
  ]);
  return { reviews, income };
}
