// React components that fetch in useEffect.
// Shapes adapted from MgKyaw/Javascript_Tutorials (Fetch/AbortFetchRequest/real_world_example.js),
// Sh3riff/References (useEffect-Cleanups.tsx) and leolanese/React-abort-fetch-api-with-hooks.

import { useEffect, useState } from 'react';

type User = { id: string; name: string; avatarUrl: string };

export function UserProfile({ userId }: { userId: string }) {
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Cleanup-only cancellation: aborted on unmount, never by a timer.
    let controller: AbortController | null = new AbortController();
    (async () => {
      try {
        const response = await fetch(`/api/users/${userId}`, {
          signal: controller.signal, // expect: require-timeout
        });
        setUser(await response.json());
        controller = null;
      } catch (e) {
        setError(String(e));
      }
    })();
    return () => controller?.abort();
  }, [userId]);

  if (error) return <p role="alert">{error}</p>;
  if (!user) return <p>Loading…</p>;
  return (
    <figure>
      <img src={user.avatarUrl} alt="" />
      <figcaption>{user.name}</figcaption>
    </figure>
  );
}

export function RecentPosts() {
  const [posts, setPosts] = useState<Array<{ id: number; title: string }>>([]);

  useEffect(() => {
    fetch('https://jsonplaceholder.typicode.com/posts?_limit=5') // expect: require-timeout
      .then((res) => res.json())
      .then(setPosts)
      .catch(() => setPosts([]));
  }, []);

  return (
    <ul>
      {posts.map((p) => (
        <li key={p.id}>{p.title}</li>
      ))}
    </ul>
  );
}

export function Weather({ city }: { city: string }) {
  const [temp, setTemp] = useState<number | null>(null);

  useEffect(() => {
    // Unmount cancellation combined with a deadline.
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(4000)]);
    fetch(`/api/weather?city=${encodeURIComponent(city)}`, { signal }) // ok
      .then((r) => r.json())
      .then((d) => setTemp(d.temp))
      .catch(() => undefined);
    return () => controller.abort();
  }, [city]);

  return <span>{temp ?? '–'}°</span>;
}

var sharedController = new AbortController();
var sharedSignal = sharedController.signal;

export function PostOne() {
  const [ok, setOk] = useState(false);
  useEffect(() => {
    fetch('https://jsonplaceholder.typicode.com/posts/1', {
      signal: sharedSignal, // expect: require-timeout
    })
      .then(() => setOk(true))
      .catch(() => setOk(false));
    return () => {
      sharedController.abort();
    };
  }, []);
  return <span>{ok ? 'loaded' : 'pending'}</span>;
}

export function Notifications({ token }: { token: string }) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const id = setInterval(async () => {
      const res = await fetch('/api/notifications/unread', { // ok
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(3000),
      });
      setCount((await res.json()).count);
    }, 15000);
    return () => clearInterval(id);
  }, [token]);
  return <span aria-label="unread">{count}</span>;
}

export function SaveButton({ draft }: { draft: object }) {
  const onClick = async () => {
    await window.fetch('/api/drafts', { method: 'POST', body: JSON.stringify(draft) }); // expect: require-timeout
  };
  return <button onClick={onClick}>Save</button>;
}
