// Exchange rates come from the rates service and are cached in this process.
const RATES_URL = process.env.RATES_URL ?? 'http://rates.internal/v1/latest';

let rates = new Map<string, number>();
let fetchedAt = 0;

/** Reloads the rate table (every replica keeps its own copy). */
export async function refreshRates(): Promise<void> {
  const response = await fetch(RATES_URL);
  const body = (await response.json()) as Record<string, number>;
  rates = new Map(Object.entries(body));
  fetchedAt = Date.now();
}

/** Converts an amount in minor units between currencies, refreshing stale rates first. */
export async function convert(amountMinor: number, from: string, to: string): Promise<number> {
  if (Date.now() - fetchedAt > 60_000) await refreshRates();
  const fromRate = rates.get(from);
  const toRate = rates.get(to);
  if (fromRate === undefined || toRate === undefined) throw new Error(`no rate for ${from} or ${to}`);
  return Math.round((amountMinor / fromRate) * toRate);
}
