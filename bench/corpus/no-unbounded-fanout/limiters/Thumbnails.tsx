// A React grid that limits image-metadata requests with p-limit.

import { useEffect, useState } from 'react';
import pLimit from 'p-limit';
import axios from 'axios';

const limit = pLimit(4);

export function Thumbnails({ ids }: { ids: string[] }) {
  const [meta, setMeta] = useState<unknown[]>([]);

  useEffect(() => {
    Promise.all(ids.map((id) => limit(() => axios.get(`/api/images/${id}/meta`)))).then((r) => setMeta(r.map((x) => x.data))); // ok
  }, [ids]);

  useEffect(() => {
    Promise.all(ids.map((id) => axios.get(`/api/images/${id}/likes`))).then(console.log); // expect: no-unbounded-fanout
  }, [ids]);

  return <span>{meta.length}</span>;
}
