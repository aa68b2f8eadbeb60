import { describe, expect, it } from 'vitest';
import { BROWSER_METADATA_KEY, HOST_USER_ID_METADATA_KEY, hostUserIdOf, stampFlowMetadata } from './hostUserIdOf.js';

describe('hostUserIdOf', () => {
  it('reads the owner stamp of object metadata only', () => {
    expect(hostUserIdOf({ metadata: { host_user_id: 'u1', other: 1 } })).toBe('u1');
    for (const metadata of [
      null,
      'u1',
      '{"host_user_id":"u1"}',
      {},
      { host_user_id: 1 },
      { host_user_id: ['u1'] },
      { nested: { host_user_id: 'u1' } },
      Object.create({ host_user_id: 'inherited' }) as object,
    ]) {
      expect(hostUserIdOf({ metadata: metadata as never })).toBeUndefined();
    }
    expect(hostUserIdOf(null)).toBeUndefined();
    expect(hostUserIdOf(undefined)).toBeUndefined();
    expect(hostUserIdOf({} as never)).toBeUndefined();
  });

  it('stamps over the host’s keys, which go over the browser’s; a string is kept under its own key', () => {
    expect(stampFlowMetadata({ a: 1, host_user_id: 'evil', b: 2 }, { b: 3 }, 'u1')).toEqual({
      a: 1,
      b: 3,
      [HOST_USER_ID_METADATA_KEY]: 'u1',
    });
    expect(stampFlowMetadata('order', {}, 'u1')).toEqual({ [BROWSER_METADATA_KEY]: 'order', host_user_id: 'u1' });
    expect(stampFlowMetadata(undefined, { [BROWSER_METADATA_KEY]: 'host' }, 'u1')).toEqual({
      browser_metadata: 'host',
      host_user_id: 'u1',
    });
  });
});
