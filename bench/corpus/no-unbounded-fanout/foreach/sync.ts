// TypeScript sync jobs that forEach over query results.

import axios from 'axios';
import { Pool } from 'pg';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { Queue } from 'bullmq';

const pool = new Pool();
const sqs = new SQSClient({});
const queue = new Queue('emails', { connection: { host: 'redis' } });

type Row = { id: string; email: string };

export async function enqueueAll() {
  const { rows } = await pool.query<Row>('SELECT id, email FROM users WHERE newsletter');
  rows.forEach((row) => { // expect: no-unbounded-fanout
    void sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(row) }));
  });
}

export async function touchAll(ids: string[]) {
  ids.forEach((id) => pool.query('UPDATE users SET seen_at = now() WHERE id = $1', [id])); // expect: no-unbounded-fanout
}

export async function pushToCrm(rows: Row[]) {
  rows.forEach(async (row) => { // expect: no-unbounded-fanout
    await axios.put(`https://crm.internal/v1/contacts/${row.id}`, row);
  });
}

export async function removeStale(byId: Record<string, Row>) {
  Object.values(byId).forEach((row) => axios.delete(`https://crm.internal/v1/contacts/${row.id}`)); // expect: no-unbounded-fanout
}

// BullMQ is not one of the known clients.
export async function scheduleEmails(rows: Row[]) {
  rows.forEach((row) => queue.add('welcome', row)); // ok
}

// Building payloads only.
export function payloads(rows: Row[]) {
  const out: string[] = [];
  rows.forEach((row) => out.push(JSON.stringify(row))); // ok
  return out;
}

// The first three only.
export function previewCrm(rows: Row[]) {
  rows.slice(0, 3).forEach((row) => axios.get(`https://crm.internal/v1/contacts/${row.id}`)); // ok
}
