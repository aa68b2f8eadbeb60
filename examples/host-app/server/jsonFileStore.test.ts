import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJsonFileStore, StoreError, type StoreFs } from './jsonFileStore.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'host-store-'));
  file = join(dir, 'data', 'store.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A file system that dies in the middle of writing the temp file: half the bytes land, then nothing. */
function crashingFs(mode: 'hang' | 'throw'): StoreFs & { crashed: Promise<void> } {
  let markCrashed!: () => void;
  const crashed = new Promise<void>((resolve) => (markCrashed = resolve));
  return {
    ...fs,
    crashed,
    writeFile: (async (path: string, data: string) => {
      await fs.writeFile(path, data.slice(0, Math.floor(data.length / 2)));
      markCrashed();
      if (mode === 'throw') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      await new Promise(() => {}); // the process is gone: this write never finishes
    }) as StoreFs['writeFile'],
  };
}

describe('openJsonFileStore', () => {
  it('keeps users, their Dots user ids and sessions across reopening', async () => {
    const store = await openJsonFileStore(file);
    const user = await store.createUser('Ada');
    await store.createSession('hash_1', user.id);
    expect(await store.linkDotsUser(user.id, 'user_1')).toBe('linked');

    const again = await openJsonFileStore(file);
    expect(again.getUser(user.id)).toEqual({ ...user, dotsUserId: 'user_1' });
    expect(again.userForSession('hash_1')?.id).toBe(user.id);
    expect(again.dotsUserIds()).toEqual(['user_1']);
    await again.deleteSession('hash_1');
    expect((await openJsonFileStore(file)).userForSession('hash_1')).toBeUndefined();
  });

  it('never replaces a stored Dots user id, and links nobody unknown', async () => {
    const store = await openJsonFileStore(file);
    const user = await store.createUser('Ada');
    expect(await store.linkDotsUser(user.id, 'user_1')).toBe('linked');
    expect(await store.linkDotsUser(user.id, 'user_1')).toBe('unchanged');
    expect(await store.linkDotsUser(user.id, 'user_2')).toBe('conflict');
    expect(await store.linkDotsUser('hu_nobody', 'user_3')).toBe('unknown_user');
    expect((await openJsonFileStore(file)).getUser(user.id)?.dotsUserId).toBe('user_1');
  });

  it('survives a crash in the middle of a write: the file on disk stays whole', async () => {
    const before = await openJsonFileStore(file);
    const ada = await before.createUser('Ada');
    const saved = await readFile(file, 'utf8');

    const dying = crashingFs('hang');
    const store = await openJsonFileStore(file, { fs: dying });
    void store.linkDotsUser(ada.id, 'user_1');
    await dying.crashed;

    // What a restart finds: the old complete file, plus a half-written temp file beside it.
    expect(await readFile(file, 'utf8')).toBe(saved);
    const temps = (await readdir(join(dir, 'data'))).filter((name) => name.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    const half = await readFile(join(dir, 'data', temps[0]!), 'utf8');
    expect(() => JSON.parse(half)).toThrow();
    const restarted = await openJsonFileStore(file);
    expect(restarted.getUser(ada.id)).toEqual(ada);
  });

  it('reports a failed write, keeps the old file and goes on writing afterwards', async () => {
    const store = await openJsonFileStore(file);
    const ada = await store.createUser('Ada');
    const saved = await readFile(file, 'utf8');
    const failing = await openJsonFileStore(file, { fs: crashingFs('throw') });
    await expect(failing.linkDotsUser(ada.id, 'user_1')).rejects.toMatchObject({ code: 'write_failed' });
    expect(await readFile(file, 'utf8')).toBe(saved);
    expect((await readdir(join(dir, 'data'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const grace = await store.createUser('Grace');
    expect((await openJsonFileStore(file)).getUser(grace.id)?.name).toBe('Grace');
  });

  it('writes concurrent changes one after another, losing none', async () => {
    const store = await openJsonFileStore(file);
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => store.createUser(`user ${i}`)));
    await store.flush();
    const reopened = await openJsonFileStore(file);
    expect(users.every((user) => reopened.getUser(user.id)?.name === user.name)).toBe(true);
  });

  it('refuses a file that is not a store, with a way out', async () => {
    await fs.mkdir(join(dir, 'data'), { recursive: true });
    for (const text of ['{"version":1,"users":[', '{"version":2,"users":[],"sessions":[]}', '[]', 'null']) {
      await writeFile(file, text);
      const error = await openJsonFileStore(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'corrupt_store', message: expect.stringContaining('delete it') });
    }
    await writeFile(file, JSON.stringify({ version: 1, users: [{ id: 'hu_1', name: 7 }], sessions: [] }));
    await expect(openJsonFileStore(file)).rejects.toMatchObject({ code: 'corrupt_store' });
  });

  it('finds users by email, case-insensitively, and refuses a second account with the same email', async () => {
    const store = await openJsonFileStore(file);
    const ada = await store.createUser('Ada', { email: 'Ada@Example.com', passwordHash: 'hash' });
    expect(ada.email).toBe('ada@example.com');
    expect(store.userByEmail('ADA@example.COM')?.id).toBe(ada.id);
    expect(store.userByEmail('grace@example.com')).toBeUndefined();
    await expect(store.createUser('Imposter', { email: 'ada@EXAMPLE.com', passwordHash: 'x' })).rejects.toMatchObject({
      code: 'email_taken',
    });
    expect((await openJsonFileStore(file)).userByEmail('ada@example.com')).toEqual(ada);
  });

  it('marks payouts ready only for the Dots user the host user is linked to, and keeps it', async () => {
    const store = await openJsonFileStore(file);
    const ada = await store.createUser('Ada');
    expect(await store.markPayoutsReady(ada.id, 'user_1')).toBe(false);
    expect(await store.linkDotsUser(ada.id, 'user_1')).toBe('linked');
    expect(await store.markPayoutsReady(ada.id, 'user_2')).toBe(false);
    expect(store.getUser(ada.id)?.payoutsReady).toBe(false);
    expect(await store.markPayoutsReady(ada.id, 'user_1')).toBe(true);
    expect(await store.markPayoutsReady('hu_nobody', 'user_1')).toBe(false);
    expect((await openJsonFileStore(file)).getUser(ada.id)?.payoutsReady).toBe(true);
  });

  it('opens a store from before sign-in: those users are not set up and have no credentials', async () => {
    await fs.mkdir(join(dir, 'data'), { recursive: true });
    const old = { id: 'hu_old', name: 'Old', createdAt: '2026-01-01T00:00:00.000Z', dotsUserId: 'user_1' };
    await writeFile(file, JSON.stringify({ version: 1, users: [old], sessions: [['hash', 'hu_old']] }));
    const store = await openJsonFileStore(file);
    expect(store.userForSession('hash')).toEqual({
      ...old,
      email: null,
      passwordHash: null,
      payoutsReady: false,
      whiteLabel: false,
    });
    for (const bad of [{ email: 7 }, { passwordHash: {} }, { payoutsReady: 'yes' }, { whiteLabel: 1 }]) {
      await writeFile(file, JSON.stringify({ version: 1, users: [{ ...old, ...bad }], sessions: [] }));
      await expect(openJsonFileStore(file)).rejects.toMatchObject({ code: 'corrupt_store' });
    }
  });
});
