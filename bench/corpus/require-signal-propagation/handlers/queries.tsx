// TanStack Query hooks: the query function receives `{ signal }`.
// Shapes adapted from CapooCat/Portfolio (src/hooks/Fetch.js: `queryFn: ({ signal }) =>
// axios.request({...options, signal})`), ghostrunner-0/kick_lifestyle (hooks/useFetch.js:
// `const fetchData = async ({ signal }) => { await axios.get(url, { signal }) }`), and the
// `useSignals` / `useGetSignalsQry` hooks (`queryFn: async () => …` without a signal).

import { useQuery } from '@tanstack/react-query';
import axios from 'axios';

export function useFetch(options: object, { key }: { key: string }) {
  return useQuery({
    queryKey: [key],
    queryFn: ({ signal }) => axios.request({ ...options, signal }).then((res) => res.data), // ok
  });
}

export const useFetchUrl = (key: string, url: string) => {
  const fetchData = async ({ signal }: { signal: AbortSignal }) => {
    const response = await axios.get(url, { signal }); // ok
    return response.data;
  };
  return useQuery({ queryKey: [key, url], queryFn: fetchData, enabled: !!url });
};

export function useMarketSignals(symbol?: string) {
  return useQuery({
    queryKey: ['signals', symbol],
    queryFn: async ({ signal }) => {
      const { data } = await axios.get('/api/signals', { params: { symbol } }); // expect: require-signal-propagation
      return data;
    },
    enabled: !!symbol,
  });
}

export function useEvents(search: string) {
  return useQuery({
    queryKey: ['events', search],
    queryFn: ({ signal }) => fetch(`/api/events?search=${encodeURIComponent(search)}`).then((r) => r.json()), // expect: require-signal-propagation
  });
}

// No signal destructured: nothing is in scope.
export function useQuotes() {
  return useQuery({
    queryKey: ['quotes'],
    queryFn: async () => {
      const { data } = await axios.get('/api/quotes'); // ok
      return data;
    },
  });
}

export function useProfile(id: string) {
  return useQuery({
    queryKey: ['profile', id],
    queryFn: ({ queryKey }) => axios.get(`/api/profiles/${queryKey[1]}`).then((r) => r.data), // ok
  });
}

export function EventsList({ search }: { search: string }) {
  const { data } = useEvents(search);
  return <ul>{(data ?? []).map((e: { id: string; title: string }) => <li key={e.id}>{e.title}</li>)}</ul>;
}
