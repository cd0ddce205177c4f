// CommonJS scripts that fetch every id in a list.
// Shapes adapted from danielbastidas/node-js-certification (promises/promise-all.js) and jp-knj/zenn
// (loop-with-async-await.md: `getCharacter(id)` over `characterIds`).

const fetch = require('node-fetch');
const axios = require('axios');
const fs = require('node:fs/promises');

const url = 'https://jsonplaceholder.typicode.com/todos';
const getTodo = (id) => fetch(`${url}/${id}`).then((res) => res.json());

async function titles(ids) {
  const todos = await Promise.all(ids.map((id) => fetch(`${url}/${id}`).then((res) => res.json()))); // expect: no-unbounded-fanout
  return todos.map((t) => t.title);
}

// Through a local helper whose body fetches.
async function titlesViaHelper(ids) {
  return Promise.all(ids.map((id) => getTodo(id))); // expect: no-unbounded-fanout
}

async function characters(characterIds) {
  return Promise.all(characterIds.map((id) => axios.get(`https://rickandmortyapi.com/api/character/${id}`))); // expect: no-unbounded-fanout
}

async function readAll(paths) {
  return Promise.all(paths.map((p) => fs.readFile(p, 'utf8'))); // ok
}

// Ten literal ids: small.
async function firstTen() {
  return Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => getTodo(id))); // ok
}

module.exports = { titles, titlesViaHelper, characters, readAll, firstTen };
