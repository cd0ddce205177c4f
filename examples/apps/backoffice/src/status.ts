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
  const names = Object.keys(SERVICES) as (keyof typeof SERVICES)[];
  const up = await Promise.all(names.map(name => health(SERVICES[name])));
  return Object.fromEntries(names.map((name, i) => [name, up[i] ?? false]));
}
