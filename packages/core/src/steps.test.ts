import { describe, expect, it } from 'vitest';
import {
  flowStepNameOf,
  isStepName,
  isStepStatus,
  ONBOARDING_STEPS,
  PAYOUT_FEE_PARTIES,
  STEP_STATUSES,
  STEPS,
  stepNameOf,
} from './steps.js';
import type { StepInput } from './steps.js';

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
      'pdf-form-fill',
    ]);
    expect(ONBOARDING_STEPS).toEqual(['onboarding', 'onboard', 'authentication', 'authorization']);
    expect(PAYOUT_FEE_PARTIES).toEqual(['platform', 'user']);
    expect(STEP_STATUSES).toEqual(['completed', 'completed-saved']);
  });

  it('isStepName accepts exactly the listed names', () => {
    for (const step of STEPS) expect(isStepName(step)).toBe(true);
    for (const value of ['onboarding', 'Compliance', ' payout', 'toString', '__proto__', '', null, 1, ['payout']]) {
      expect(isStepName(value)).toBe(false);
    }
  });

  it('types step options per step, as the spec lists them', () => {
    const steps: StepInput[] = [
      { name: 'pdf-form-fill', template_id: 'tmpl_1' },
      { name: 'manage-payouts', require_default_payout_method: true, auto_payout_enabled: false },
      { name: 'payout', payout_fee_party: 'user' },
      { name: 'redirect', redirect_url: 'https://example.com' },
    ];
    expect(steps.map(stepNameOf)).toEqual(['pdf-form-fill', 'manage-payouts', 'payout', 'redirect']);
    // @ts-expect-error pdf-form-fill needs its template_id
    const bare: StepInput = 'pdf-form-fill';
    // @ts-expect-error redirect_url belongs to the redirect step only
    const misplaced: StepInput = { name: 'compliance', redirect_url: 'https://example.com' };
    // @ts-expect-error payout_fee_party is 'platform' or 'user'
    const party: StepInput = { name: 'payout', payout_fee_party: 'app' };
    expect([bare, misplaced, party]).toHaveLength(3);
  });

  it('stepNameOf reads a name from both input forms', () => {
    expect(stepNameOf('payout')).toBe('payout');
    expect(stepNameOf({ name: 'manage-payouts', hide_continue_button: true })).toBe('manage-payouts');
  });

  it('flowStepNameOf normalises the onboarding aliases and rejects the rest', () => {
    for (const alias of ['onboarding', 'onboard', 'authentication', 'authorization']) {
      expect(flowStepNameOf(alias)).toBe('onboarding');
    }
    expect(flowStepNameOf('pdf-form-fill')).toBe('pdf-form-fill');
    expect(flowStepNameOf('compliance')).toBe('compliance');
    for (const value of ['Authorization', 'onboarded', 'auth', 'constructor', 'hasOwnProperty', '', undefined, {}, 0]) {
      expect(flowStepNameOf(value)).toBeNull();
    }
  });

  it('isStepStatus accepts exactly the documented statuses', () => {
    expect(isStepStatus('completed')).toBe(true);
    expect(isStepStatus('completed-saved')).toBe(true);
    for (const value of ['complete', 'COMPLETED', 'failed', '', null, true]) expect(isStepStatus(value)).toBe(false);
  });
});
