// Dashboard aggregation endpoints that load several upstreams at once (TypeScript).
// Shapes adapted from Rafao1991/ai-code-reviewer (demo/api-sequential-fetches.ts: `loadDashboard`
// fetching user, orders and notifications), JiyaMakwana/QBank-QA (Q6-dashboardLoader.js:
// `await Promise.all([getUser(), getPosts(), getComments()])`) and the axios dashboard services
// returned by the code search.

import axios from 'axios';
import { Octokit } from '@octokit/rest';
import { Pool } from 'pg';
import Redis from 'ioredis';
import Stripe from 'stripe';
import { promises as fs } from 'node:fs';
import bcrypt from 'bcryptjs';

const api = axios.create({ baseURL: 'https://api.internal' });
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
const pool = new Pool();
const redis = new Redis(process.env.REDIS_URL as string);
const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function loadDashboard(userId: string) {
  const [user, orders, notifications] = await Promise.all([ // expect: prefer-partial-availability
    fetch(`/api/users/${userId}`).then((r) => r.json()),
    fetch(`/api/orders?userId=${userId}`).then((r) => r.json()),
    fetch(`/api/notifications/${userId}`).then((r) => r.json()),
  ]);
  return { user, orders, notifications };
}

export async function repoOverview(owner: string, repo: string) {
  const [meta, pulls] = await Promise.all([octokit.rest.repos.get({ owner, repo }), octokit.rest.pulls.list({ owner, repo })]); // expect: prefer-partial-availability
  return { meta: meta.data, openPulls: pulls.data.length };
}

export async function accountSummary(accountId: string) {
  const [balances, recent] = await Promise.all([ // expect: prefer-partial-availability
    pool.query('SELECT * FROM balances WHERE account_id = $1', [accountId]),
    pool.query('SELECT * FROM transactions WHERE account_id = $1 ORDER BY at DESC LIMIT 20', [accountId]),
  ]);
  return { balances: balances.rows, recent: recent.rows };
}

export async function sessionState(sessionId: string) {
  return Promise.all([redis.get(`session:${sessionId}`), redis.hgetall(`cart:${sessionId}`)]); // expect: prefer-partial-availability
}

export async function billingPanel(customerId: string) {
  const [customer, subscriptions] = await Promise.all([ // expect: prefer-partial-availability
    stripe.customers.retrieve(customerId),
    stripe.subscriptions.list({ customer: customerId }),
  ]);
  return { customer, subscriptions: subscriptions.data };
}

export async function teamPage(teamId: string) {
  const [{ data: team }, { data: members }] = await Promise.all([api.get(`/teams/${teamId}`), api.get(`/teams/${teamId}/members`)]); // expect: prefer-partial-availability
  return { team, members };
}

// One remote element next to a local file read: the fetch alone can fail the whole answer.
export async function renderReport(templatePath: string, reportId: string) {
  const [template, data] = await Promise.all([fs.readFile(templatePath, 'utf8'), api.get(`/reports/${reportId}`)]); // expect: prefer-partial-availability
  return template.replace('{{data}}', JSON.stringify(data.data));
}

// Partial results are kept.
export async function homeWidgets(userId: string) {
  const results = await Promise.allSettled([api.get(`/weather/${userId}`), api.get(`/news/${userId}`), api.get(`/stocks/${userId}`)]); // ok
  return results.map((r) => (r.status === 'fulfilled' ? r.value.data : null));
}

// The first answer wins.
export async function anyRegion(path: string) {
  return Promise.any([fetch(`https://eu.api.example.com${path}`), fetch(`https://us.api.example.com${path}`)]); // ok
}

// Local work only.
export async function prepareUpload(password: string, paths: [string, string]) {
  return Promise.all([bcrypt.hash(password, 10), fs.readFile(paths[0]), fs.readFile(paths[1])]); // ok
}

// Each element already handles its own failure.
export async function sidebar(userId: string) {
  const [badges, tips] = await Promise.all([ // ok
    api.get(`/badges/${userId}`).catch(() => null),
    api.get(`/tips/${userId}`).catch(() => null),
  ]);
  return { badges: badges?.data ?? [], tips: tips?.data ?? [] };
}
