/** Feature switches read from the environment at start-up. */
export const FLAGS = {
  newCheckout: process.env.ACME_NEW_CHECKOUT === '1',
  currencyService: process.env.ACME_CURRENCY_SERVICE ?? 'local',
};
