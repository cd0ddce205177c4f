// React profile page that loads its panels together.
// Shapes adapted from the DashboardPage component (axios orders + notifications in useEffect) and the
// "Load User Profile + User Orders Together" Promise.all walkthrough returned by the code search.

import { useEffect, useState } from 'react';
import axios from 'axios';
import ky from 'ky';

type Profile = { name: string };
type Order = { id: number; status: string };

export default function ProfilePage({ userId }: { userId: string }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [orders, setOrders] = useState<Order[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([axios.get<Profile>(`/api/users/${userId}`), axios.get<Order[]>(`/api/users/${userId}/orders`)]) // expect: prefer-partial-availability
      .then(([p, o]) => {
        setProfile(p.data);
        setOrders(o.data);
      })
      .catch((e) => setError(String(e)));
  }, [userId]);

  useEffect(() => {
    (async () => {
      const [prefs, avatar] = await Promise.all([ky.get(`/api/users/${userId}/prefs`).json(), ky.get(`/api/users/${userId}/avatar`).json()]); // expect: prefer-partial-availability
      console.log(prefs, avatar);
    })();
  }, [userId]);

  useEffect(() => {
    // Optional widgets: whatever arrives is shown.
    Promise.allSettled([axios.get(`/api/users/${userId}/badges`), axios.get(`/api/users/${userId}/followers`)]).then((results) => { // ok
      console.log(results.filter((r) => r.status === 'fulfilled').length);
    });
  }, [userId]);

  useEffect(() => {
    // Code-split panels: dynamic imports are local.
    Promise.all([import('./panels/Activity'), import('./panels/Settings')]).then(() => undefined); // ok
  }, []);

  if (error) return <p role="alert">{error}</p>;
  return (
    <article>
      <h1>{profile?.name}</h1>
      <ul>{orders.map((o) => <li key={o.id}>{o.status}</li>)}</ul>
    </article>
  );
}
