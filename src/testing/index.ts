/**
 * `instance-lifecycle/testing`: fast-check arbitraries and simulation helpers for users' own property tests.
 * Needs `fast-check` (a peer dependency).
 */
export { legalHistory, type LegalHistoryOptions } from './legalHistory.js';
