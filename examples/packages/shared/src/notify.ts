import axios from 'axios';

const mailer = axios.create({ baseURL: process.env.MAILER_URL ?? 'http://mailer.internal' });

/** Emails a receipt. Tries again when the mailer is down. */
export async function sendReceipt(orderId: string, email: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await mailer.post('/send', { template: 'receipt', to: email, orderId });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise(resolve => setTimeout(resolve, 1_000));
    }
  }
}
