// A React presence widget that refreshes every visible teammate.

import { useEffect } from 'react';
import axios from 'axios';

export function Presence({ teammates }: { teammates: string[] }) {
  useEffect(() => {
    teammates.forEach((id) => axios.post(`/api/presence/${id}/refresh`)); // expect: no-unbounded-fanout
  }, [teammates]);

  useEffect(() => {
    teammates.forEach((id) => console.debug('presence subscribed', id)); // ok
  }, [teammates]);

  return <span>{teammates.length} online</span>;
}
