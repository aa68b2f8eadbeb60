import { describe, expect, it } from 'vitest';
import { ONBOARDING_STEPS, STEPS } from '@dots-flow/core';
import { STEP_LABELS, stepLabel } from './stepLabels.js';

describe('stepLabel', () => {
  it('has a readable, distinct label for every step a flow can show', () => {
    const names = [...STEPS, 'onboarding'] as const;
    const labels = names.map((name) => stepLabel(name));
    for (const [i, label] of labels.entries()) expect(label, names[i]).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
    expect(new Set(labels).size).toBe(names.length);
    expect(Object.keys(STEP_LABELS).sort()).toEqual([...names].sort());
    expect(ONBOARDING_STEPS).toContain('onboarding');
  });

  it('prefers non-empty own string overrides', () => {
    expect(stepLabel('compliance', { compliance: 'Datos fiscales' })).toBe('Datos fiscales');
    expect(stepLabel('compliance', { compliance: '' })).toBe('Tax information');
    expect(stepLabel('payout', { compliance: 'Datos fiscales' })).toBe('Withdraw');
  });

  it('shows unknown or hostile names as plain text, never inherited properties', () => {
    expect(stepLabel('kyc-v2')).toBe('kyc-v2');
    expect(stepLabel('__proto__')).toBe('__proto__');
    expect(stepLabel('toString', {})).toBe('toString');
    const hostile = JSON.parse('{"__proto__": {"payout": "pwned"}, "compliance": 42}');
    expect(stepLabel('payout', hostile)).toBe('Withdraw');
    expect(stepLabel('compliance', hostile)).toBe('Tax information');
  });
});
