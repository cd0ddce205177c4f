export class PricingError extends Error {
  constructor(
    message: string,
    readonly sku: string,
  ) {
    super(message);
    this.name = 'PricingError';
  }
}

export class OutOfStockError extends Error {
  constructor(readonly sku: string) {
    super(`${sku} is out of stock`);
    this.name = 'OutOfStockError';
  }
}
