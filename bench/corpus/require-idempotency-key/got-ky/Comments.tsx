// A React comment box whose ky instance retries POSTs.

import ky from 'ky';

const comments = ky.create({
  prefixUrl: '/api/comments',
  retry: { limit: 2, methods: ['get', 'post'], jitter: true }, // expect: require-idempotency-key
});

const reactions = ky.create({
  prefixUrl: '/api/reactions',
  retry: { limit: 2, methods: ['get', 'put'], jitter: true }, // ok
});

export function CommentBox({ postId }: { postId: string }) {
  async function submit(text: string) {
    await comments.post(postId, { json: { text } });
    await reactions.put(`${postId}/seen`);
  }
  return <textarea onBlur={(e) => void submit(e.target.value)} />;
}
