// A data file from before the sandbox used UUIDs: the app must still start, seed the sandbox with the
// UUID users it can take, and say which stored ids it left out.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJsonFileStore } from './jsonFileStore.js';
import { sandboxUsers } from './sandboxUsers.js';
import { hashSessionToken, newSessionToken } from './sessionCookie.js';
import { startHostApp, type HostApp } from './startHostApp.js';

describe('sandboxUsers', () => {
  it('keeps UUIDs (any case) in order and drops every other stored id', () => {
    const a = randomUUID();
    const b = randomUUID().toUpperCase();
    const odd = ['user_seeded', '', `${a}x`, ` ${a}`, 'not-a-uuid', a.replace(/-/g, '')];
    expect(sandboxUsers([odd[0]!, a, ...odd.slice(1), b])).toEqual({ users: [a, b], dropped: odd });
    expect(sandboxUsers([])).toEqual({ users: [], dropped: [] });
  });
});

describe('startHostApp on an old data file', () => {
  let dir: string | undefined;
  let app: HostApp | undefined;
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts, seeds the sandbox with the UUID users only, and logs the ids it dropped', async () => {
    dir = await mkdtemp(join(tmpdir(), 'host-app-legacy-'));
    const file = join(dir, 'store.json');
    const dotsUserId = randomUUID();
    const token = newSessionToken();
    const old = await openJsonFileStore(file);
    const legacy = await old.createUser('Legacy');
    const current = await old.createUser('Current');
    expect(await old.linkDotsUser(legacy.id, 'user_legacy_01')).toBe('linked');
    expect(await old.linkDotsUser(current.id, dotsUserId)).toBe('linked');
    await old.createSession(hashSessionToken(token), current.id);
    await old.flush();

    const lines: string[] = [];
    app = await startHostApp({ port: 0, dataFile: file, hmr: false, log: (line) => lines.push(line) });
    expect(lines.filter((line) => line.includes('user_legacy_01'))).toEqual([
      '[backend] not handing the sandbox stored Dots user ids that are not UUIDs: user_legacy_01',
    ]);
    expect(lines.some((line) => line.includes(dotsUserId))).toBe(false);

    // The sandbox refuses a user_id it does not know: this flow exists only because the UUID user was seeded.
    const created = await fetch(`${app.url}/api/dots/flows`, {
      method: 'POST',
      headers: { cookie: `host_session=${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ steps: ['payout'] }),
    });
    expect(created.status).toBe(201);
    const flow = (await created.json()) as { user_id: string | null; steps: string[] };
    expect(flow.user_id).toBe(dotsUserId);
    expect(flow.steps).toEqual(['payout']);
  }, 30_000);
});
