// Express and Next.js pages API handlers: `req` is a Node request, not a fetch-API Request,
// so no AbortSignal is in scope.

const express = require('express');
const axios = require('axios');

const app = express();

app.get('/api/weather', async (req, res) => {
  const { data } = await axios.get(`https://weather.example.com/v1?city=${req.query.city}`); // ok
  res.json(data);
});

async function handler(req, res) {
  const upstream = await fetch('https://quotes.example.com/v1/today'); // ok
  res.status(upstream.status).json(await upstream.json());
}

// An Express handler that builds its own signal from the request lifecycle: fine either way.
app.get('/api/slow', async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  const { data } = await axios.get('https://slow.example.com/v1', { signal: controller.signal }); // ok
  res.json(data);
});

module.exports = { app, handler };
