// A React member list that loads every member's avatar at once.

import { useEffect, useState } from 'react';
import ky from 'ky';

export function Avatars({ memberIds }: { memberIds: string[] }) {
  const [urls, setUrls] = useState<string[]>([]);

  useEffect(() => {
    Promise.all(memberIds.map((id) => ky.get(`/api/members/${id}/avatar`).json<{ url: string }>())) // expect: no-unbounded-fanout
      .then((r) => setUrls(r.map((x) => x.url)));
  }, [memberIds]);

  useEffect(() => {
    const visible = memberIds.slice(0, 8);
    Promise.all(visible.map((id) => ky.get(`/api/members/${id}/status`).json())).then(console.log); // ok
  }, [memberIds]);

  return <div>{urls.map((u) => <img key={u} src={u} alt="" />)}</div>;
}
