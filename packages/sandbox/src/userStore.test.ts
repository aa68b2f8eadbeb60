import { describe, expect, it } from 'vitest';
import { KNOWN_USER } from './test-support/http.js';
import { createFlowStore } from './flowStore.js';
import { createUserStore } from './userStore.js';

describe('createUserStore', () => {
  it('forgets the oldest users created by onboarding beyond its cap, never the seeded ones', () => {
    const users = createUserStore({ seeded: [KNOWN_USER], maxCreated: 2 });
    const [a, b, c] = [users.create('+14155550100'), users.create('+14155550101'), users.create('+14155550102')];
    expect(users.get(a.id)).toBeUndefined();
    expect(users.get(b.id)).toBe(b);
    expect(users.get(c.id)).toMatchObject({ phone: '+14155550102', defaultMethod: null, autoPayout: false });
    expect(users.get(KNOWN_USER)).toMatchObject({ id: KNOWN_USER, phone: null });
  });

  it('caps users created through flows the same way', () => {
    let now = 0;
    const store = createFlowStore({ now: () => now, signInMs: 1000, users: [], maxUsers: 1, maxFlows: 2 });
    const input = { steps: [], userId: null, metadata: null, hideGoToDashboard: false, requireAuth: false };
    const [first, second, third] = [store.createFlow(input), store.createFlow(input), store.createFlow(input)];
    expect(store.getFlow(first.id)).toBeUndefined();
    const one = store.onboard(second, '+14155550100');
    const two = store.onboard(third, '+14155550101');
    expect(store.getUser(one.id)).toBeUndefined();
    expect(store.getUser(two.id)).toBe(two);
    // The flow keeps its user_id; its page falls back to a fresh user's defaults.
    expect(second.userId).toBe(one.id);
    now += 1000;
    expect(store.needsCode(third)).toBe(true);
  });
});
