// Vitest setup file (node project): every response of every sandbox started in a test process is held
// against the contract schemas, and a test whose requests got a response that breaks them fails.
import { afterEach } from 'vitest';
import { checkResponse, createContractValidator } from '../contract/index.js';
import type { ContractValidator } from '../contract/index.js';
import { RESPONSE_OBSERVER_KEY, setResponseObserver } from '../responseObserver.js';

let validator: ContractValidator | undefined;
const violations: string[] = [];

/** How many responses the harness has held against a schema in this test file: proof it is running. */
export const contractChecks = { count: 0 };

setResponseObserver((response) => {
  validator ??= createContractValidator();
  const check = checkResponse(validator, response);
  if (check.schemaId !== null) contractChecks.count += 1;
  violations.push(...check.problems);
});

afterEach(() => {
  if (violations.length === 0) return;
  const found = violations.splice(0);
  throw new Error(`The sandbox answered outside its contract:\n  ${found.join('\n  ')}`);
});

export { RESPONSE_OBSERVER_KEY };
