import { STEPS } from '@dots-flow/core';
import { describe, expect, it } from 'vitest';
import { ONBOARDING_STEPS, PAYOUT_FEE_PARTIES } from '@dots-flow/core';
import {
  DEFAULT_FIELDS,
  ONBOARDING_ALIASES,
  ONBOARDING_STEP,
  PAYOUT_FEE_PARTIES as PAGE_FEE_PARTIES,
  STEP_NAMES,
  defaultStep,
  isRedirectUrl,
  isRoutingNumber,
  normalizePhone,
  parseAmountCents,
  parseStepInputs,
  validateStep,
} from '../page/stepRules.js';

const context = { balanceCents: 10000, defaultMethod: 'pm_bank', autoPayout: false };
const withStep = (name: string, options: object) => ({ ...context, step: { ...defaultStep(name), ...options } });
const DEFAULTS = {
  hide_continue_button: false,
  auto_payout_enabled: true,
  redirect_url: null,
  template_id: null,
  require_default_payout_method: false,
  require_auto_payout_method: false,
  payout_fee_party: null,
};

describe('page/stepRules.js', () => {
  it("keeps the page's lists equal to core's", () => {
    expect(STEP_NAMES).toEqual([...STEPS]);
    expect(ONBOARDING_ALIASES).toEqual([...ONBOARDING_STEPS]);
    expect(PAGE_FEE_PARTIES).toEqual([...PAYOUT_FEE_PARTIES]);
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

  it('normalises step inputs: every option present, defaults filled in', () => {
    const parsed = parseStepInputs(
      [
        'compliance',
        {
          name: 'manage-payouts',
          hide_continue_button: true,
          require_default_payout_method: true,
          auto_payout_enabled: false,
        },
        { name: 'payout', payout_fee_party: 'platform' },
        { name: 'redirect', redirect_url: 'http://x.test/' },
        { name: 'pdf-form-fill', template_id: 'tmpl_1' },
      ],
      STEP_NAMES,
    );
    expect(parsed).toEqual({
      ok: true,
      steps: [
        { name: 'compliance', ...DEFAULTS },
        {
          name: 'manage-payouts',
          ...DEFAULTS,
          hide_continue_button: true,
          require_default_payout_method: true,
          auto_payout_enabled: false,
        },
        { name: 'payout', ...DEFAULTS, payout_fee_party: 'platform' },
        { name: 'redirect', ...DEFAULTS, redirect_url: 'http://x.test/' },
        { name: 'pdf-form-fill', ...DEFAULTS, template_id: 'tmpl_1' },
      ],
    });
  });

  it('drops options given to a step they do not apply to, or refuses them in strict mode', () => {
    const input = [{ name: 'compliance', require_auto_payout_method: true, payout_fee_party: 'user' }];
    expect(parseStepInputs(input, STEP_NAMES)).toEqual({ ok: true, steps: [{ name: 'compliance', ...DEFAULTS }] });
    expect(parseStepInputs(input, STEP_NAMES, { strict: true })).toMatchObject({
      ok: false,
      field: 'steps[0].require_auto_payout_method',
    });
  });

  it('ignores inherited step options', () => {
    const inherited = Object.create({ hide_continue_button: true, redirect_url: 'https://evil.test' }) as object;
    const parsed = parseStepInputs([Object.assign(inherited, { name: 'payout' })], STEP_NAMES, { strict: true });
    expect(parsed).toEqual({ ok: true, steps: [{ name: 'payout', ...DEFAULTS }] });
  });

  it.each([
    ['https://example.com/done', true],
    ['http://127.0.0.1:3000/done', true],
    ['https://www.example.co.uk/a?b=c#d', true],
    ['http://localhost:3000/done', false],
    ['http://[::1]:3000/', false],
    ['https://example.example/x', false],
    ['ftp://example.com/', false],
    ['javascript://example.com/%0aalert(1)', false],
    ['example.com', false],
  ])('follows Dots’ redirect_url pattern for %s', (url, ok) => {
    expect(isRedirectUrl(url)).toBe(ok);
  });

  it.each([
    [{}, null, true],
    [{ require_default_payout_method: true }, 'default_method', false],
    [{ require_auto_payout_method: true }, 'auto_payout', false],
    [{ require_auto_payout_method: true, auto_payout_enabled: false }, null, true],
  ])('manage-payouts with %j and no default, auto payout off: refuses field %s', (options, field, ok) => {
    const result = validateStep('manage-payouts', {}, { ...withStep('manage-payouts', options), defaultMethod: null });
    expect(result).toMatchObject(ok ? { ok: true, value: { changed: false } } : { ok: false, field });
  });

  it('reads the auto-payout toggle only where the flow shows it', () => {
    const shown = validateStep('payout', { amount: '1', auto_payout: true }, withStep('payout', {}));
    expect(shown).toMatchObject({ ok: true, value: { autoPayout: true, amountCents: 100 } });
    const hidden = validateStep(
      'payout',
      { amount: '1', auto_payout: true },
      withStep('payout', { auto_payout_enabled: false }),
    );
    expect(hidden).toMatchObject({ ok: true, value: { autoPayout: false } });
  });
});
