// A contract signing page: the document and the signer list are required together.

import { useEffect, useState } from 'react';
import axios from 'axios';

export function Contract({ id }: { id: string }) {
  const [doc, setDoc] = useState<unknown>(null);

  useEffect(() => {
    // all-or-nothing: never show a contract without its signers.
    Promise.all([axios.get(`/api/contracts/${id}`), axios.get(`/api/contracts/${id}/signers`)]).then(setDoc); // ok
  }, [id]);

  useEffect(() => {
    Promise.all([axios.get(`/api/contracts/${id}/comments`), axios.get(`/api/contracts/${id}/history`)]).then(console.log); // expect: prefer-partial-availability
  }, [id]);

  return <pre>{JSON.stringify(doc)}</pre>;
}
