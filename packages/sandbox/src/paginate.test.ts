import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.js';

const items = Array.from({ length: 5 }, (_, i) => ({ id: `i${i}` }));
const ids = (result: ReturnType<typeof paginate<{ id: string }>>) =>
  result.ok ? result.data.map((item) => item.id) : result;

describe('paginate', () => {
  it('pages forward and back like Stripe and Dots', () => {
    const q = (limit: number, startingAfter: string | null = null, endingBefore: string | null = null) =>
      paginate(items, { limit, startingAfter, endingBefore });
    expect(q(2)).toEqual({ ok: true, has_more: true, data: [{ id: 'i0' }, { id: 'i1' }] });
    expect(ids(q(2, 'i1'))).toEqual(['i2', 'i3']);
    expect(q(2, 'i2')).toMatchObject({ has_more: false });
    expect(ids(q(5, 'i4'))).toEqual([]);
    expect(ids(q(2, null, 'i4'))).toEqual(['i2', 'i3']);
    expect(q(2, null, 'i4')).toMatchObject({ has_more: true });
    expect(q(2, null, 'i2')).toMatchObject({ has_more: false, data: [{ id: 'i0' }, { id: 'i1' }] });
    expect(q(2, null, 'i0')).toEqual({ ok: true, has_more: false, data: [] });
    expect(q(5)).toMatchObject({ has_more: false });
    expect(q(2, 'nope')).toEqual({ ok: false, unknownCursor: 'nope' });
  });
});
