'use strict';

// Twilio and Stripe through CommonJS factory calls. Twilio's client defaults to a 30 s
// timeout and has no "none" value (0/null/false fall back to 30 s); Stripe's callable
// CJS export defaults to 80 s. Shapes adapted from yd-915/strikesms (api/send_sms.js),
// adar-apiiro/Tests (Walmart/Twilio.js), emgrebe/Family-Reminders-App (send_sms.js) and
// menna00essam/Furniture-ecommerce (server-side/src/config/stripeConfig.js).

const twilio = require('twilio');

const client = require('twilio')( // ok
  process.env.TWILIO_ACCOUNT_SID,
  process.env.TWILIO_AUTH_TOKEN,
);

const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN, { timeout: 10_000 }); // ok

// Falls back to the 30 s default: still bounded.
const zeroTimeout = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN, { timeout: 0 }); // ok

const legacy = new twilio.Twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN); // ok

const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY, { // ok
  apiVersion: '2023-10-16',
  maxNetworkRetries: 2,
});

const Stripe = require('stripe');
const stripeNoTimeout = Stripe(process.env.STRIPE_SECRET_KEY, {
  timeout: 0, // expect: require-timeout
});

async function sendReminder(to, body) {
  const message = await client.messages.create({ body, from: process.env.TWILIO_PHONE_NUMBER, to });
  return message.sid;
}

module.exports = { client, sms, zeroTimeout, legacy, stripe, stripeNoTimeout, sendReminder };
