import { STEPS } from '@dots-flow/core';
import type { StepInput } from '@dots-flow/core';
import { describe, expect, it } from 'vitest';
import { optionsOf, parseStepInputs } from './parseStepInputs.js';

// Every step with every option it takes (spec `POST /v2/flows`, `docs/guides/flow-payouts.mdx`), typed by core.
const EVERY_OPTION: StepInput[] = [
  { name: 'compliance', hide_continue_button: true },
  { name: 'id-verification', hide_continue_button: false },
  { name: 'background-check', hide_continue_button: true },
  {
    name: 'manage-payouts',
    hide_continue_button: true,
    auto_payout_enabled: false,
    require_default_payout_method: true,
    require_auto_payout_method: true,
  },
  { name: 'manage-payments', hide_continue_button: true },
  { name: 'payout', hide_continue_button: true, auto_payout_enabled: true, payout_fee_party: 'user' },
  { name: 'redirect', redirect_url: 'https://host.example/done?x=1', hide_continue_button: true },
  { name: 'pdf-form-fill', template_id: 'tmpl_w9_2024', hide_continue_button: false },
];

describe('parseStepInputs', () => {
  it('takes every step and every option the spec and guides allow, as a fresh copy', () => {
    const result = parseStepInputs(EVERY_OPTION);
    expect(result).toEqual({ ok: true, value: EVERY_OPTION });
    if (result.ok) expect(result.value[0]).not.toBe(EVERY_OPTION[0]);
    expect(parseStepInputs(STEPS.filter((step) => step !== 'pdf-form-fill'))).toMatchObject({ ok: true });
    expect(parseStepInputs([{ name: 'payout', payout_fee_party: 'platform' }, { name: 'redirect' }])).toMatchObject({
      ok: true,
    });
  });

  it('lists the options per step', () => {
    expect(optionsOf('payout')).toEqual(['hide_continue_button', 'auto_payout_enabled', 'payout_fee_party']);
    expect(optionsOf('pdf-form-fill')).toEqual(['hide_continue_button', 'template_id']);
    expect(optionsOf('compliance')).toEqual(['hide_continue_button']);
  });

  it.each([
    [undefined, 'non-empty array'],
    ['compliance', 'non-empty array'],
    [[], 'non-empty array'],
    [[...STEPS, 'compliance'], 'at most 8'],
    [[42], 'step name or a { name'],
    [[['payout']], 'step name or a { name'],
    [['withdraw'], '"withdraw"'],
    [['onboarding'], '"onboarding"'],
    [[{ name: 'toString' }], '"toString"'],
    [[{}], 'not a step name'],
    [['payout', { name: 'payout' }], 'listed twice'],
    [['pdf-form-fill'], 'template_id'],
    [[{ name: 'pdf-form-fill' }], 'template_id'],
    [[{ name: 'pdf-form-fill', template_id: '' }], 'steps[0].template_id'],
    [[{ name: 'pdf-form-fill', template_id: 7 }], 'steps[0].template_id'],
    [[{ name: 'pdf-form-fill', template_id: 'a\nb' }], 'steps[0].template_id'],
    [[{ name: 'pdf-form-fill', template_id: 'x'.repeat(201) }], 'steps[0].template_id'],
    [[{ name: 'compliance', template_id: 't' }], '"template_id" is not an option of "compliance"'],
    [[{ name: 'payout', hide_continue_button: 'yes' }], 'true or false'],
    [[{ name: 'payout', payout_fee_party: 'app' }], '"platform" or "user"'],
    [[{ name: 'payout', payout_fee_party: null }], '"platform" or "user"'],
    [[{ name: 'manage-payouts', payout_fee_party: 'user' }], 'not an option of "manage-payouts"'],
    [[{ name: 'payout', require_default_payout_method: true }], 'not an option of "payout"'],
    [[{ name: 'manage-payouts', require_auto_payout_method: 1 }], 'true or false'],
    [[{ name: 'compliance', auto_payout_enabled: true }], 'not an option of "compliance"'],
    [[{ name: 'payout', redirect_url: 'https://x.example' }], 'not an option of "payout"'],
    [[{ name: 'redirect', redirect_url: 'javascript:alert(1)' }], 'http(s) URL'],
    [[{ name: 'redirect', redirect_url: '/relative' }], 'http(s) URL'],
    [[{ name: 'redirect', redirect_url: `https://x.example/${'a'.repeat(2048)}` }], 'http(s) URL'],
    [[{ name: 'payout', hide_continue_buton: true }], 'unknown option "hide_continue_buton"'],
    [[JSON.parse('{"name":"payout","__proto__":{"x":1}}')], 'unknown option "__proto__"'],
  ])('refuses %j, saying %j', (steps, hint) => {
    const result = parseStepInputs(steps);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('invalid_steps');
      expect(result.message).toContain(hint);
    }
  });

  it('refuses a step outside the allowed set with step_not_allowed', () => {
    const result = parseStepInputs(['compliance', 'payout'], new Set(['compliance'] as const));
    expect(result).toMatchObject({ ok: false, code: 'step_not_allowed' });
  });
});
