/*
 * Copies of INVOKE_CHANNEL / EVENT_CHANNEL from shared/api. The sandboxed preload must stay a
 * tiny bundle without zod, so it cannot import the contract's values; a test checks they match.
 */
export const INVOKE_CHANNEL = 'ledger:invoke';
export const EVENT_CHANNEL = 'ledger:event';
