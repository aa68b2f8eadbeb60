import { describe, expect, it } from 'vitest';
import { DOTS_FLOW_ERROR_CODES, DotsFlowError } from './DotsFlowError.js';
import { ERROR_MESSAGES, isRetryable } from './errorMessages.js';

describe('ERROR_MESSAGES', () => {
  it('has a short sentence for every code, with no code or jargon in it', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...DOTS_FLOW_ERROR_CODES].sort());
    for (const code of DOTS_FLOW_ERROR_CODES) {
      const message = ERROR_MESSAGES[code];
      expect(message).toMatch(/^[A-Z][^_]*\.$/);
      expect(message.length).toBeLessThanOrEqual(48);
      expect(message).not.toMatch(/dots-flow|origin|endpoint|backend/i);
    }
  });

  it('is the message of an error created without one (what production builds create)', () => {
    expect(new DotsFlowError('untrusted_link').message).toBe('This step cannot be shown.');
    expect(new DotsFlowError('network', '').message).toBe(ERROR_MESSAGES.network);
    expect(new DotsFlowError('network', 'Could not reach /api.').message).toBe('Could not reach /api.');
  });
});

describe('isRetryable', () => {
  it('is true only where a fresh attempt can help', () => {
    expect(DOTS_FLOW_ERROR_CODES.filter(isRetryable).sort()).toEqual(['backend_failed', 'frame_timeout', 'network']);
  });
});
