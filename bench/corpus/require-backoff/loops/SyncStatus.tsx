// React components that retry their own data loads (ky), including do…while loops.
// Shapes adapted from the fetch-retry-in-useEffect helpers returned by the code search
// (Category5-Team3489/Category5ScoutingV2 core/utils.tsx) and ky clients such as
// zoujunqin/react-base.

import { useEffect, useState } from 'react';
import ky from 'ky';

type Draft = { id: string; body: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function SyncStatus({ projectId }: { projectId: string }) {
  const [status, setStatus] = useState<string>('loading');

  useEffect(() => {
    let cancelled = false;
    (async () => {
      for (let attempt = 1; attempt <= 4; attempt++) {
        try {
          const body = await ky.get(`/api/projects/${projectId}/sync`).json<{ state: string }>();
          if (!cancelled) setStatus(body.state);
          return;
        } catch {
          await sleep(1500); // expect: require-backoff
        }
      }
      if (!cancelled) setStatus('unavailable');
    })();
    return () => {
      cancelled = true;
    };
  }, [projectId]);

  return <span className={`sync sync-${status}`}>{status}</span>;
}

// Linear growth, capped and jittered, bounded by the do…while condition: correct.
export async function saveDraft(draft: Draft) {
  let attempt = 0;
  do {
    try {
      await ky.put(`/api/drafts/${draft.id}`, { json: draft });
      return true;
    } catch {
      attempt++;
      await sleep(Math.min(attempt * 750, 5000) + Math.random() * 250); // ok
    }
  } while (attempt < 5);
  return false;
}

// Constant one-second wait in a do…while.
export async function loadComments(postId: string) {
  let tries = 0;
  do {
    try {
      return await ky.get(`/api/posts/${postId}/comments`).json();
    } catch (e) {
      tries += 1;
      await new Promise((resolve) => setTimeout(resolve, 1000)); // expect: require-backoff
    }
  } while (tries < 3);
  return [];
}

export function CommentsPanel({ postId }: { postId: string }) {
  const [comments, setComments] = useState<unknown[]>([]);
  useEffect(() => {
    loadComments(postId).then((c) => setComments(c as unknown[]));
  }, [postId]);
  return <ul>{comments.map((c, i) => <li key={i}>{String(c)}</li>)}</ul>;
}
