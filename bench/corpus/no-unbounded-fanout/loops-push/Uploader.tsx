// A React multi-file uploader that starts every upload at once.

import { useState } from 'react';
import axios from 'axios';

export function Uploader() {
  const [done, setDone] = useState(0);

  async function onFiles(files: FileList) {
    const uploads: Promise<unknown>[] = [];
    for (const file of Array.from(files)) {
      const body = new FormData();
      body.append('file', file);
      uploads.push(axios.post('/api/uploads', body)); // expect: no-unbounded-fanout
    }
    await Promise.all(uploads);
    const thumbs: Promise<Response>[] = [];
    for (const file of Array.from(files)) {
      thumbs.push(fetch(`/api/uploads/${encodeURIComponent(file.name)}/thumbnail`, { method: 'POST' })); // expect: no-unbounded-fanout
    }
    await Promise.all(thumbs);
    setDone(files.length);
  }

  async function onFilesSequential(files: FileList) {
    for (const file of Array.from(files)) {
      await axios.post('/api/uploads', file); // ok
    }
  }

  return (
    <div>
      <input type="file" multiple onChange={(e) => e.target.files && onFiles(e.target.files)} />
      <input type="file" multiple onChange={(e) => e.target.files && onFilesSequential(e.target.files)} />
      <span>{done}</span>
    </div>
  );
}
