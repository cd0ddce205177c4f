// A React gallery that loads image metadata for every id in the album.
// Shape adapted from axios.all / Promise.all usages in React components returned by the code search.

import { useEffect, useState } from 'react';
import axios from 'axios';

type Photo = { id: string; url: string };

export function Gallery({ ids }: { ids: string[] }) {
  const [photos, setPhotos] = useState<Photo[]>([]);

  useEffect(() => {
    Promise.all(ids.map((id) => axios.get<Photo>(`/api/photos/${id}`))) // expect: prefer-partial-availability
      .then((responses) => setPhotos(responses.map((r) => r.data)));
  }, [ids]);

  useEffect(() => {
    Promise.allSettled(ids.map((id) => axios.get(`/api/photos/${id}/likes`))).then((r) => console.log(r.length)); // ok
  }, [ids]);

  useEffect(() => {
    Promise.all(ids.map((id) => fetch(`/api/photos/${id}/exif`).then((r) => r.json()))).then(console.log); // expect: prefer-partial-availability
  }, [ids]);

  return <div>{photos.map((p) => <img key={p.id} src={p.url} alt="" />)}</div>;
}
