// node-fetch 2 in a CommonJS worker that passes a cancellation signal around.

const fetch = require('node-fetch');
const { setTimeout: sleep } = require('node:timers/promises');

async function fetchPage(url, signal) {
  const res = await fetch(url); // expect: require-signal-propagation
  return res.text();
}

async function fetchPageOk(url, signal) {
  const res = await fetch(url, { signal, headers: { 'user-agent': 'crawler/1.0' } }); // ok
  return res.text();
}

async function crawl(urls, signal) {
  const pages = [];
  for (const url of urls) {
    pages.push(await fetch(url, { signal })); // ok
    await sleep(100, undefined, { signal }); // ok
  }
  const robots = await fetch(new URL('/robots.txt', urls[0]).href, { redirect: 'follow' }); // expect: require-signal-propagation
  return { pages, robots };
}

module.exports = { fetchPage, fetchPageOk, crawl };
