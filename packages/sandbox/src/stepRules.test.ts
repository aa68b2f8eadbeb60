import { STEPS } from '@dots-flow/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FIELDS,
  ONBOARDING_STEP,
  STEP_NAMES,
  isRoutingNumber,
  normalizePhone,
  parseAmountCents,
  parseStepInputs,
  validateStep,
} from '../page/stepRules.js';

const context = { balanceCents: 10000, defaultMethod: 'pm_bank' };

describe('page/stepRules.js', () => {
  it("keeps the page's step list equal to core's STEPS", () => {
    expect(STEP_NAMES).toEqual([...STEPS]);
  });

  it.each([ONBOARDING_STEP, ...STEP_NAMES])('pre-fills %s with data its own rules accept', (step) => {
    const fields = step === 'manage-payouts' ? { default_method: 'pm_bank' } : DEFAULT_FIELDS[step];
    expect(validateStep(step, fields, context)).toMatchObject({ ok: true });
  });

  it.each(['+1 415 555 0100', '(415) 555-0100', '+44 20 7946 0958', '4155550100'])('accepts the phone %j', (phone) => {
    expect(normalizePhone(phone)).toMatch(/^\+[1-9]\d{9,14}$/);
  });

  it.each(['', '12', 'abc', '+0 415 555 0100', '1415555010', '+1 415 555 0100 1234 5', '415-555-01OO'])(
    'rejects the phone %j',
    (phone) => {
      expect(normalizePhone(phone)).toBeNull();
      expect(validateStep(ONBOARDING_STEP, { phone, code: '123456' }, context)).toMatchObject({ field: 'phone' });
    },
  );

  it('checks routing numbers with the ABA checksum', () => {
    expect(isRoutingNumber('110000000')).toBe(true);
    expect(isRoutingNumber('021000021')).toBe(true);
    expect(isRoutingNumber('110000001')).toBe(false);
    expect(isRoutingNumber('000000000')).toBe(false);
    expect(isRoutingNumber('11000000')).toBe(false);
  });

  it.each([
    ['25', 2500],
    ['25.5', 2550],
    ['$0.01', 1],
    [' 100.00 ', 10000],
    ['0', 0],
    ['-1', null],
    ['1.234', null],
    ['1e3', null],
    ['NaN', null],
    ['', null],
  ])('parses the amount %j as %j cents', (amount, cents) => {
    expect(parseAmountCents(amount)).toBe(cents);
  });

  it.each([null, undefined, 'fields', 42, ['+14155550100'], { phone: 4155550100 }])(
    'treats hostile onboarding fields %j as a missing phone',
    (fields) => {
      expect(validateStep(ONBOARDING_STEP, fields, context)).toMatchObject({ ok: false, field: 'phone' });
    },
  );

  it('treats an unknown step as invalid without throwing', () => {
    expect(validateStep('__proto__', {}, context)).toMatchObject({ ok: false });
    expect(validateStep('toString', {}, context)).toMatchObject({ ok: false });
  });

  it('normalises step inputs and keeps their options', () => {
    const parsed = parseStepInputs(
      [
        'compliance',
        { name: 'manage-payouts', hide_continue_button: true },
        { name: 'redirect', redirect_url: 'http://x.test/' },
      ],
      STEP_NAMES,
    );
    expect(parsed).toEqual({
      ok: true,
      steps: [
        { name: 'compliance', hide_continue_button: false, redirect_url: null },
        { name: 'manage-payouts', hide_continue_button: true, redirect_url: null },
        { name: 'redirect', hide_continue_button: false, redirect_url: 'http://x.test/' },
      ],
    });
  });

  it('ignores inherited step options', () => {
    const inherited = Object.create({ hide_continue_button: true, redirect_url: 'https://evil.test' }) as object;
    const parsed = parseStepInputs([Object.assign(inherited, { name: 'payout' })], STEP_NAMES);
    expect(parsed).toEqual({ ok: true, steps: [{ name: 'payout', hide_continue_button: false, redirect_url: null }] });
  });
});
