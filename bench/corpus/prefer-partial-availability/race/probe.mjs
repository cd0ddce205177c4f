// An ESM probe that picks the nearest region.

import got from 'got';
import { setTimeout as sleep } from 'node:timers/promises';

const regions = ['eu-west-1', 'us-east-1', 'ap-south-1'];

const nearest = await Promise.race(regions.map((r) => got(`https://${r}.probe.example.com/ping`).text().then(() => r))); // expect: prefer-partial-availability

const bounded = await Promise.race([got('https://probe.example.com/ping').text(), sleep(2000).then(() => 'slow')]); // ok

// A hedged request: the backup starts after 100 ms, but a fast failure of the primary still wins.
const hedged = await Promise.race([ // expect: prefer-partial-availability
  got('https://primary.example.com/config').json(),
  sleep(100).then(() => got('https://backup.example.com/config').json()),
]);

console.log(nearest, bounded, hedged);
