/** Loan pricing and concessionality: results.pricing and each funded loan's grant element. */
export { pricingRows, withLoanConcessionality, instrumentTerms, hurdleRate, LOAN_INSTRUMENTS, type LoanInstrument, type PricingRow } from './pricing.js';
export { rateForGrantElement } from './rate-for-grant-element.js';
export { concessionalCostByYear, type ConcessionalCostYear } from './concessional-cost.js';
