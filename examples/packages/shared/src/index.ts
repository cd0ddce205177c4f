// @acme/shared: logic every Acme service links in. Changing it means redeploying all of them.
export { computeQuote, type Quote, type QuoteLine, type Order } from './pricing.js';
export { taxFor, TAX_REGIONS, type Region } from './tax.js';
export { convert, refreshRates } from './currency.js';
export { checkStock, reserveStock } from './inventory.js';
export { sendReceipt } from './notify.js';
export { buildSalesReport, type SalesReport } from './reports.js';
export { PricingError, OutOfStockError } from './errors.js';
export * from './flags.js';
export { summarizeOrders, type OrderSummary } from './summary.js';
