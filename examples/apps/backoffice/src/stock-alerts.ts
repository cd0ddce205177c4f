import { checkStock } from '@acme/shared';

const WATCHED = (process.env.WATCHED_SKUS ?? '').split(',').filter(Boolean);

/** Posts a Slack message for every watched SKU that runs low. */
export async function alertLowStock(webhook: string): Promise<number> {
  let alerts = 0;
  for (const sku of WATCHED) {
    const onHand = await checkStock(sku);
    if (onHand < 5) {
      await fetch(webhook, {
        method: 'POST',
        body: JSON.stringify({ text: `${sku}: ${onHand} left` }),
        signal: AbortSignal.timeout(3_000),
      });
      alerts++;
    }
  }
  return alerts;
}
