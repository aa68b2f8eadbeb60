import { describe, expect, it } from 'vitest';
import { createIdempotencyKeys, createMemoryIdempotencyKeyStore } from './createIdempotencyKeys.js';
import { createMemoryDedupe } from './createMemoryDedupe.js';
import { StoreError } from './StoreError.js';

describe('createMemoryDedupe', () => {
  it('claims once, reports processing until complete or expiry, then done until the done TTL', () => {
    let now = 0;
    const dedupe = createMemoryDedupe({ processingTtlMs: 1_000, doneTtlMs: 5_000, now: () => now });
    expect(dedupe.claim('m')).toBe('claimed');
    expect(dedupe.claim('m')).toBe('processing');
    now = 1_000; // the claim expired: a crashed handler no longer blocks
    expect(dedupe.claim('m')).toBe('claimed');
    dedupe.complete?.('m');
    expect(dedupe.claim('m')).toBe('done');
    now = 5_999;
    expect(dedupe.claim('m')).toBe('done');
    now = 6_000;
    expect(dedupe.claim('m')).toBe('claimed');
    dedupe.release('m');
    expect(dedupe.claim('m')).toBe('claimed');
  });

  it('releases only its own claim: a late release after an expired claim was taken over leaves the newer one', () => {
    let now = 0;
    const dedupe = createMemoryDedupe({ processingTtlMs: 1_000, now: () => now });
    expect(dedupe.claim('m')).toBe('claimed'); // delivery 1, slow
    now = 1_000;
    expect(dedupe.claim('m')).toBe('claimed'); // delivery 2 takes over the expired claim
    dedupe.release('m'); // delivery 1 fails late
    expect(dedupe.claim('m')).toBe('processing'); // delivery 2's claim still holds: a third does not run
    dedupe.complete?.('m'); // delivery 2 succeeds
    dedupe.release('m'); // a stray release after completion
    expect(dedupe.claim('m')).toBe('done');
  });

  it('a release frees the claim while it is the only one, and does nothing for ids it never claimed', () => {
    let now = 0;
    const dedupe = createMemoryDedupe({ processingTtlMs: 1_000, now: () => now });
    dedupe.release('never');
    expect(dedupe.claim('m')).toBe('claimed');
    dedupe.release('other');
    expect(dedupe.claim('m')).toBe('processing');
    dedupe.release('m');
    expect(dedupe.claim('m')).toBe('claimed'); // the retry runs at once
    now = 1_000;
    expect(dedupe.claim('m')).toBe('claimed');
    dedupe.release('m'); // the expired claim's delivery fails: the newer claim stays
    dedupe.release('m'); // then the newer one fails too: now it is free
    expect(dedupe.claim('m')).toBe('claimed');
  });

  it('keeps at most maxEntries ids, forgetting the oldest, and refuses unusable options', () => {
    const dedupe = createMemoryDedupe(2);
    for (const id of ['a', 'b', 'c']) expect(dedupe.claim(id)).toBe('claimed');
    expect(dedupe.claim('a')).toBe('claimed');
    expect(dedupe.claim('c')).toBe('processing');
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => createMemoryDedupe(bad)).toThrow(TypeError);
    expect(() => createMemoryDedupe({ processingTtlMs: -5 })).toThrow(StoreError);
    expect(() => createMemoryDedupe({ doneTtlMs: Infinity })).toThrow(/doneTtlMs/);
  });
});

describe('createIdempotencyKeys (in memory)', () => {
  it('maps one operation to one UUID for 24 h, then a new one', async () => {
    let now = 0;
    const keys = createIdempotencyKeys({ store: createMemoryIdempotencyKeyStore(() => now) });
    const first = await keys.keyFor('pay-gig-42');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => keys.keyFor('pay-gig-42')));
    expect(new Set(concurrent)).toEqual(new Set([first]));
    expect(await keys.keyFor('pay-gig-43')).not.toBe(first);
    now = 24 * 3_600_000 - 1;
    expect(await keys.keyFor('pay-gig-42')).toBe(first);
    now = 24 * 3_600_000;
    expect(await keys.keyFor('pay-gig-42')).not.toBe(first);
  });

  it('refuses hostile operation ids and unusable options with a code', async () => {
    const keys = createIdempotencyKeys();
    for (const bad of ['', ' ', 'a b', 'tab\there', 'é', 'x'.repeat(201), undefined, {}, ['pay']]) {
      await expect(keys.keyFor(bad as never)).rejects.toMatchObject({ code: 'invalid_operation_id' });
    }
    expect(await keys.keyFor('__proto__')).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => createIdempotencyKeys({ ttlMs: 0 })).toThrow(StoreError);
    expect(() => createIdempotencyKeys({ store: {} as never })).toThrow(/putIfAbsent/);
    const silent = createIdempotencyKeys({ store: { putIfAbsent: () => '' } });
    await expect(silent.keyFor('pay-1')).rejects.toMatchObject({ code: 'store_unavailable' });
  });
});
