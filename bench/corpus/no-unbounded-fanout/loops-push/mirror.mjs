// An ESM mirroring job (top-level await).

import got from 'got';

const { packages } = await got('https://registry.internal/v1/changes').json();

const copies = [];
for (const name of packages) {
  copies.push(got.put(`https://mirror.internal/v1/packages/${name}`, { json: { from: 'registry' } })); // expect: no-unbounded-fanout
}
await Promise.all(copies);

const metadata = [];
while (packages.length) {
  const name = packages.pop();
  metadata.push(got(`https://registry.internal/v1/packages/${name}`).json()); // expect: no-unbounded-fanout
}
await Promise.allSettled(metadata);

const names = [];
for (const name of packages) names.push(name.toLowerCase()); // ok
console.log(names);
