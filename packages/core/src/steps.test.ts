import { describe, expect, it } from 'vitest';
import {
  flowStepNameOf,
  isStepName,
  isStepStatus,
  ONBOARDING_STEPS,
  STEP_STATUSES,
  STEPS,
  stepNameOf,
} from './steps.js';

describe('step names', () => {
  it('lists the documented Dots steps', () => {
    expect(STEPS).toEqual([
      'compliance',
      'id-verification',
      'background-check',
      'manage-payouts',
      'manage-payments',
      'payout',
      'redirect',
    ]);
    expect(ONBOARDING_STEPS).toEqual(['onboarding', 'authorization']);
    expect(STEP_STATUSES).toEqual(['completed', 'completed-saved']);
  });

  it('isStepName accepts exactly the listed names', () => {
    for (const step of STEPS) expect(isStepName(step)).toBe(true);
    for (const value of ['onboarding', 'Compliance', ' payout', 'toString', '__proto__', '', null, 1, ['payout']]) {
      expect(isStepName(value)).toBe(false);
    }
  });

  it('stepNameOf reads a name from both input forms', () => {
    expect(stepNameOf('payout')).toBe('payout');
    expect(stepNameOf({ name: 'manage-payouts', hide_continue_button: true })).toBe('manage-payouts');
  });

  it('flowStepNameOf normalises the onboarding aliases and rejects the rest', () => {
    expect(flowStepNameOf('authorization')).toBe('onboarding');
    expect(flowStepNameOf('onboarding')).toBe('onboarding');
    expect(flowStepNameOf('compliance')).toBe('compliance');
    for (const value of ['Authorization', 'constructor', 'hasOwnProperty', '', undefined, {}, 0]) {
      expect(flowStepNameOf(value)).toBeNull();
    }
  });

  it('isStepStatus accepts exactly the documented statuses', () => {
    expect(isStepStatus('completed')).toBe(true);
    expect(isStepStatus('completed-saved')).toBe(true);
    for (const value of ['complete', 'COMPLETED', 'failed', '', null, true]) expect(isStepStatus(value)).toBe(false);
  });
});
