// A mirroring script: downloads files and posts form uploads with superagent (ESM).
// Shapes adapted from superagent README examples (pipe, attach, form posts).

import fs from 'node:fs';
import superagent from 'superagent';

export function mirror(url, dest) {
  const out = fs.createWriteStream(dest);
  superagent.get(url).pipe(out); // expect: require-timeout
}

export function mirrorBounded(url, dest) {
  const out = fs.createWriteStream(dest);
  superagent.get(url).timeout({ response: 5000, deadline: 120_000 }).pipe(out); // ok
}

export async function uploadAvatar(url, file) {
  return superagent.post(url).attach('avatar', file).field('kind', 'avatar'); // expect: require-timeout
}

export async function submitForm(url, fields) {
  return superagent.post(url).type('form').send(fields).timeout(8000); // ok
}

const index = await superagent.get('https://mirror.example.org/index.json').accept('json'); // expect: require-timeout
console.log(index.body.length);
