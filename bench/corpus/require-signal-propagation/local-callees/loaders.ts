// Page loaders that call helper functions declared in the same file (TypeScript).
// Shapes adapted from API modules whose helpers take `signal?: AbortSignal` last, and from
// `fetchEvents({ signal })` style helpers returned by the code search.

import axios from 'axios';
import { fetchBanner } from './banners';

type Options = { signal?: AbortSignal; locale?: string };

async function fetchUser(id: string, signal?: AbortSignal) {
  const { data } = await axios.get(`/api/users/${id}`, { signal }); // ok
  return data;
}

async function fetchOrders(userId: string, { signal, locale = 'en' }: Options = {}) {
  const res = await fetch(`/api/orders?user=${userId}&locale=${locale}`, { signal }); // ok
  return res.json();
}

const fetchAddress = async (userId: string, abort: AbortSignal) => {
  const res = await fetch(`/api/users/${userId}/address`, { signal: abort }); // ok
  return res.json();
};

function formatName(user: { first: string; last: string }) {
  return `${user.first} ${user.last}`;
}

export async function loadAccountPage(userId: string, signal: AbortSignal) {
  const user = await fetchUser(userId); // expect: require-signal-propagation
  const orders = await fetchOrders(userId, { signal }); // ok
  const address = await fetchAddress(userId, signal); // ok
  return { name: formatName(user), orders, address }; // ok
}

export async function loadOrdersPage(userId: string, signal: AbortSignal) {
  const orders = await fetchOrders(userId); // expect: require-signal-propagation
  const localized = await fetchOrders(userId, { locale: 'de' }); // expect: require-signal-propagation
  return { orders, localized };
}

export async function loadShipping(userId: string, signal: AbortSignal) {
  const address = await fetchAddress(userId, AbortSignal.any([signal, AbortSignal.timeout(3000)])); // ok
  const user = await fetchUser(userId, signal); // ok
  return { address, user };
}

export async function loadOverview(userId: string, signal: AbortSignal) {
  return Promise.all([
    fetchUser(userId), // expect: require-signal-propagation
    fetchOrders(userId, { signal }), // ok
  ]);
}

export async function loadWithOptions(userId: string, options: Options, signal: AbortSignal) {
  return fetchOrders(userId, options); // ok
}

// Imported helper: its parameters are unknown here.
export async function loadBanner(signal: AbortSignal) {
  return fetchBanner('home'); // ok
}

// No signal in this caller: nothing to pass.
export async function prefetchUser(userId: string) {
  return fetchUser(userId); // ok
}
