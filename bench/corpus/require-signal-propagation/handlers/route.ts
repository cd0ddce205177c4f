// Next.js App Router route handlers: the incoming Request carries `request.signal`.
// Shapes adapted from kelvinthh/Image-Generation-Next.js (app/api/suggestion/route.ts: `export async
// function GET(request: Request) { const response = await fetch("…", { cache: "no-store" }) }`), the
// catch-all proxy route (`GET(request: Request, { params })` building an upstream URL), and the
// Ollama proxy (`POST(request: NextRequest, context)` forwarding `await request.text()`), all
// returned by the code search.

import { NextRequest, NextResponse } from 'next/server';
import axios from 'axios';

const API_BASE_URL = process.env.API_BASE_URL ?? 'https://api.example.com';

export async function GET(request: Request) {
  const response = await fetch('https://suggest.example.com/v1/prompt', { // expect: require-signal-propagation
    cache: 'no-store',
  });
  const textData = await response.text();
  return new Response(JSON.stringify(textData.trim()), { status: 200 });
}

export async function HEAD(request: Request) {
  const upstream = await fetch(`${API_BASE_URL}/health`, { method: 'HEAD', signal: request.signal }); // ok
  return new Response(null, { status: upstream.status });
}

export async function POST(request: NextRequest, context: { params: Promise<{ endpoint: string }> }) {
  const { endpoint } = await context.params;
  const body = await request.text();
  const upstream = await fetch(`http://localhost:11434/api/${endpoint}`, { // expect: require-signal-propagation
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return new Response(upstream.body, { status: upstream.status });
}

export async function PUT(request: Request) {
  const { data } = await axios.put(`${API_BASE_URL}/settings`, await request.json(), { signal: request.signal }); // ok
  return NextResponse.json(data);
}

export async function PATCH(request: Request) {
  const { data } = await axios.patch(`${API_BASE_URL}/settings`, await request.json()); // expect: require-signal-propagation
  return NextResponse.json(data);
}

export async function DELETE(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await fetch(`${API_BASE_URL}/settings/${id}`, { method: 'DELETE' }); // expect: require-signal-propagation
  return new Response(null, { status: 204 });
}
