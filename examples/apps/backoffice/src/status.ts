const SERVICES = {
  rates: process.env.RATES_URL ?? 'http://rates.internal',
  payments: process.env.PAYMENTS_URL ?? 'http://payments.internal',
  mailer: process.env.MAILER_URL ?? 'http://mailer.internal',
};

async function health(base: string): Promise<boolean> {
  const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1_000) });
  return response.ok;
}

/** The back-office status page: one line per dependency. */
export async function statusPage(): Promise<Record<string, boolean>> {
  const [rates, payments, mailer] = await Promise.all([
    health(SERVICES.rates),
    health(SERVICES.payments),
    health(SERVICES.mailer),
  ]);
  return { rates, payments, mailer };
}
