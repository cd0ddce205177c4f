// Order pages built from small local async helpers (TypeScript).
// Shapes adapted from the axios "fetchDashboardStatsAPI / fetchRecentOrdersAPI" service modules and
// the "fetchOrders / getDashboardDataAction" actions returned by the code search, here declared in
// the same file as the Promise.all that uses them.

import axios from 'axios';
import { Pool } from 'pg';
import Stripe from 'stripe';
import { fetchDashboardStats } from '../api/dashboard';

const pool = new Pool();
const stripe = new Stripe(process.env.STRIPE_KEY as string);
const API = 'https://shop.internal';

async function getUser(id: string) {
  const res = await fetch(`${API}/users/${id}`);
  return res.json();
}

const getOrders = async (userId: string) => (await axios.get(`${API}/orders`, { params: { userId } })).data;

const loadPlan = function (planId: string) {
  return stripe.plans.retrieve(planId);
};

async function countOpenTickets(userId: string) {
  const { rows } = await pool.query('SELECT count(*) FROM tickets WHERE user_id = $1 AND open', [userId]);
  return Number(rows[0].count);
}

// Local and pure.
async function formatMoney(cents: number) {
  return `$${(cents / 100).toFixed(2)}`;
}

// Calls another local helper: two levels away from the remote call.
async function loadProfile(id: string) {
  return getUser(id);
}

// Makes its call through a parameter: not a known client.
async function getWith(client: { get(url: string): Promise<{ data: unknown }> }, url: string) {
  return (await client.get(url)).data;
}

export async function orderPage(userId: string, planId: string) {
  const [user, orders, plan] = await Promise.all([getUser(userId), getOrders(userId), loadPlan(planId)]); // expect: prefer-partial-availability
  return { user, orders, plan };
}

export async function supportPage(userId: string) {
  return Promise.all([ // expect: prefer-partial-availability
    countOpenTickets(userId),
    formatMoney(0),
  ]);
}

export async function usersById(ids: string[]) {
  return Promise.all(ids.map((id) => getUser(id))); // expect: prefer-partial-availability
}

// A function reference passed to map.
export async function ordersForAll(ids: string[]) {
  return Promise.all(ids.map(getOrders)); // expect: prefer-partial-availability
}

// Race between two local helpers that both call out.
export async function eitherUser(a: string, b: string) {
  return Promise.race([getUser(a), getUser(b)]); // expect: prefer-partial-availability
}

export async function receipt(amounts: number[]) {
  return Promise.all(amounts.map((a) => formatMoney(a))); // ok
}

export async function profileCard(id: string) {
  return Promise.all([loadProfile(id), formatMoney(100)]); // ok
}

export async function widgets(client: { get(url: string): Promise<{ data: unknown }> }) {
  return Promise.all([getWith(client, '/a'), getWith(client, '/b')]); // ok
}

// Imported helper: the rule cannot see its body.
export async function statsPage() {
  return Promise.all([fetchDashboardStats('day'), fetchDashboardStats('week')]); // ok
}
