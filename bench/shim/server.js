// The remote side of bench/shim: a node:http service on loopback that answers every POST after
// DELAY_MS with the same quote the library computes. Started as a child process by run.js, so its
// work does not share the event loop under measurement; it prints its URL on stdout.
import { createServer } from 'node:http';

const delayMs = Number(process.env.DELAY_MS ?? 20);

function computeQuote({ lines }) {
  let total = 0;
  for (const line of lines) total += line.quantity * line.unitPrice;
  return { lines: lines.length, total };
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', chunk => chunks.push(chunk));
  request.on('end', () => {
    const { args } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const body = JSON.stringify({ result: computeQuote(args[0]) });
    const timer = setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    }, delayMs);
    response.on('close', () => clearTimeout(timer));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
