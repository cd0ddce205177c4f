// SvelteKit load functions: the `fetch` they destructure is SvelteKit's, and it shadows
// the global inside the function. Outside the load functions the global is used.
// Shapes adapted from IsaTippens/dev-portfolio (src/routes/blog/[slug]/+page.server.js),
// oseughu/double-text-ui (src/routes/posts/[id]/+page.js), shawndones/sd-blog
// (src/routes/+page.ts) and fjorwb/sveltekit-endpoints (src/routes/posts/[postId]/+page.js).

export async function load({ fetch, params }) {
  const { slug } = params;
  const res = await fetch(`/blog/${slug}`); // ok
  const post = await res.json();
  return { post };
}

export const loadPost = async ({ params, fetch }) => {
  const fetchPost = async (id) => {
    const res = await fetch(`/api/posts/${id}`); // ok
    return res.json();
  };
  return { post: fetchPost(params.postId) };
};

// A module helper outside any load function: this is the global fetch.
export async function prefetchAuthor(id) {
  const res = await fetch(`https://cms.example.com/authors/${id}`); // expect: require-timeout
  return res.json();
}

export async function prefetchAuthorBounded(id) {
  const res = await fetch(`https://cms.example.com/authors/${id}`, { signal: AbortSignal.timeout(3000) }); // ok
  return res.json();
}
