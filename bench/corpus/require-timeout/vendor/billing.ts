// Stripe and OpenAI clients in a TypeScript backend. Both have finite defaults
// (Stripe 80 s, OpenAI 10 min); only an explicit none (Stripe `timeout: 0`) is reported.
// Shapes adapted from florentine1310/next-js-marketplace-printforge (lib/stripe.ts),
// pulkitgupta0624/Fintrak (server/src/config/stripe.config.ts) and public OpenAI client modules.

import Stripe from 'stripe';
import OpenAI, { AzureOpenAI } from 'openai';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string, { // ok
  maxNetworkRetries: 2,
  timeout: 10000,
});

export const stripeDefaults = new Stripe(process.env.STRIPE_SECRET_KEY as string, { // ok
  apiVersion: '2025-02-24.acacia',
  typescript: true,
});

export const stripeNoTimeout = new Stripe(process.env.STRIPE_SECRET_KEY as string, {
  httpClient: Stripe.createNodeHttpClient(),
  timeout: 0, // expect: require-timeout
  maxNetworkRetries: 0,
});

export const openai = new OpenAI(); // ok

export const openaiTuned = new OpenAI({ // ok
  apiKey: process.env.OPENAI_API_KEY,
  timeout: 20 * 1000,
  maxRetries: 1,
});

export const openaiNoRetries = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 0 }); // ok

export const azure = new AzureOpenAI({ // ok
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiVersion: '2024-10-21',
});

export async function summarize(text: string) {
  const res = await openai.chat.completions.create(
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${text}` }] },
    { timeout: 15_000 },
  );
  return res.choices[0]?.message.content;
}

export async function createCustomer(email: string) {
  return stripe.customers.create({ email });
}
