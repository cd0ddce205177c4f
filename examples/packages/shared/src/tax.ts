export type Region = 'eu' | 'uk' | 'us-ca' | 'us-ny';

export const TAX_REGIONS: Record<Region, number> = {
  eu: 0.21,
  uk: 0.2,
  'us-ca': 0.0725,
  'us-ny': 0.04,
};

/** Tax due on an amount in minor units, rounded half up. */
export function taxFor(region: Region, amountMinor: number): number {
  const rate = TAX_REGIONS[region];
  return Math.round(amountMinor * rate);
}
