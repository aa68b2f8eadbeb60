import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** A user of the host app (not of Dots). */
export interface HostUser {
  id: string;
  name: string;
  createdAt: string;
  /** The Dots user this host user became at onboarding, once a webhook told us. */
  dotsUserId: string | null;
  /** Lower-cased; how the user signs in again. `null` for accounts made before sign-in existed. */
  email: string | null;
  /** From `hashPassword`; never the password itself. */
  passwordHash: string | null;
  /**
   * Sign-up is finished: a flow of this user's Dots user, read back from Dots after a verified webhook,
   * lists the tax step (`compliance`) as completed. Having a Dots user id alone is not enough.
   */
  payoutsReady: boolean;
  /**
   * The Dots user was made through the users API from the host's own form (white label), not by a flow's
   * onboarding: phone verification happens on our pages, and withdrawals go through `POST /v2/payouts`.
   */
  whiteLabel: boolean;
}

export interface NewUserCredentials {
  email: string;
  passwordHash: string;
}

/** What linking a Dots user id to a host user did. */
export type LinkResult = 'linked' | 'unchanged' | 'conflict' | 'unknown_user';

interface StoreData {
  version: 1;
  users: HostUser[];
  /** [sha256 of the session token, host user id] */
  sessions: [string, string][];
}

/** The file operations the store needs; tests pass a failing one to simulate a crash. */
export type StoreFs = Pick<typeof nodeFs, 'readFile' | 'writeFile' | 'rename' | 'mkdir' | 'rm'>;

export interface HostStore {
  readonly file: string;
  getUser(id: string): HostUser | undefined;
  /** The user who signs in with `email` (compared lower-cased). */
  userByEmail(email: string): HostUser | undefined;
  /** The host user linked to that Dots user. */
  userByDotsUserId(dotsUserId: string): HostUser | undefined;
  /** Throws `StoreError('email_taken')` when another user has that email. */
  createUser(name: string, credentials?: NewUserCredentials): Promise<HostUser>;
  /** Records the Dots user id of a host user (`whiteLabel`: made through the users API). An id already stored is never replaced. */
  linkDotsUser(hostUserId: string, dotsUserId: string, options?: { whiteLabel?: boolean }): Promise<LinkResult>;
  /** Marks sign-up as finished, only for the Dots user already linked to that host user. Returns whether it is marked. */
  markPayoutsReady(hostUserId: string, dotsUserId: string): Promise<boolean>;
  createSession(tokenHash: string, hostUserId: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  userForSession(tokenHash: string): HostUser | undefined;
  /** Every Dots user id stored, e.g. to seed a fresh sandbox with them. */
  dotsUserIds(): string[];
  /** Resolves when every write so far is on disk. */
  flush(): Promise<void>;
}

export class StoreError extends Error {
  readonly code: 'corrupt_store' | 'write_failed' | 'email_taken';
  constructor(code: StoreError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || isString(value);

function parseStore(text: string, file: string): StoreData {
  const corrupt = (why: string, cause?: unknown) =>
    new StoreError(
      'corrupt_store',
      `${file} is not a host-app store (${why}). Move it away or delete it to start afresh.`,
      { cause },
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw corrupt('invalid JSON', cause);
  }
  const { version, users, sessions } = (data ?? {}) as Partial<Record<keyof StoreData, unknown>>;
  if (version !== 1 || !Array.isArray(users) || !Array.isArray(sessions)) throw corrupt('unknown layout');
  const read: HostUser[] = [];
  for (const user of users as Partial<HostUser>[]) {
    if (!isString(user?.id) || !isString(user.name) || !isString(user.createdAt)) throw corrupt('bad user');
    if (!isStringOrNull(user.dotsUserId)) throw corrupt('bad user');
    // Stores written before sign-in and the sign-up check existed lack these fields: such users can't
    // sign in again, and finish sign-up once more (with their Dots user) before payouts count as set up.
    const { email = null, passwordHash = null, payoutsReady = false, whiteLabel = false } = user;
    if (!isStringOrNull(email) || !isStringOrNull(passwordHash) || typeof payoutsReady !== 'boolean') {
      throw corrupt('bad user');
    }
    if (typeof whiteLabel !== 'boolean') throw corrupt('bad user');
    const { id, name, createdAt, dotsUserId } = user;
    read.push({ id, name, createdAt, dotsUserId, email, passwordHash, payoutsReady, whiteLabel });
  }
  if (!sessions.every((entry) => Array.isArray(entry) && entry.length === 2 && entry.every(isString))) {
    throw corrupt('bad session');
  }
  return { version, users: read, sessions: sessions as [string, string][] };
}

/**
 * Opens (or starts) the host app's store: users, their Dots user ids and sessions, in one JSON file.
 * Every change rewrites the whole file atomically: a temp file beside it, flushed to disk, then
 * renamed over it, so a crash at any moment leaves either the old or the new file, never half of one.
 */
export async function openJsonFileStore(file: string, options: { fs?: StoreFs } = {}): Promise<HostStore> {
  const fs = options.fs ?? nodeFs;
  let data: StoreData = { version: 1, users: [], sessions: [] };
  try {
    data = parseStore(await fs.readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const users = new Map(data.users.map((user) => [user.id, user]));
  const sessions = new Map(data.sessions);
  await fs.mkdir(dirname(file), { recursive: true });

  const snapshot = (): string =>
    `${JSON.stringify({ version: 1, users: [...users.values()], sessions: [...sessions] } satisfies StoreData, null, 2)}\n`;

  const writeAtomically = async (text: string) => {
    const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      // flush: fsync before the rename, so the new name never points at data still in the page cache.
      await fs.writeFile(temp, text, { encoding: 'utf8', flag: 'wx', mode: 0o600, flush: true });
      await fs.rename(temp, file);
    } catch (cause) {
      await fs.rm(temp, { force: true }).catch(() => {});
      throw new StoreError('write_failed', `Could not save ${file}: ${(cause as Error).message}`, { cause });
    }
  };

  // One write at a time, in order; a failed write does not block later ones.
  let queue: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    const text = snapshot();
    const write = queue.then(() => writeAtomically(text));
    queue = write.catch(() => {});
    return write;
  };

  const userByEmail = (email: string): HostUser | undefined => {
    const wanted = email.toLowerCase();
    for (const user of users.values()) if (user.email === wanted) return user;
    return undefined;
  };

  return {
    file,
    getUser: (id) => users.get(id),
    userByEmail,
    userByDotsUserId(dotsUserId) {
      for (const user of users.values()) if (user.dotsUserId === dotsUserId) return user;
      return undefined;
    },
    async createUser(name, credentials) {
      const email = credentials?.email.toLowerCase() ?? null;
      if (email !== null && userByEmail(email)) {
        throw new StoreError('email_taken', `An account with ${email} exists already. Sign in instead.`);
      }
      const user: HostUser = {
        id: `hu_${randomBytes(9).toString('base64url')}`,
        name,
        createdAt: new Date().toISOString(),
        dotsUserId: null,
        email,
        passwordHash: credentials?.passwordHash ?? null,
        payoutsReady: false,
        whiteLabel: false,
      };
      users.set(user.id, user);
      await persist();
      return user;
    },
    async linkDotsUser(hostUserId, dotsUserId, options = {}) {
      const user = users.get(hostUserId);
      if (!user) return 'unknown_user';
      if (user.dotsUserId === dotsUserId) return 'unchanged';
      if (user.dotsUserId !== null) return 'conflict';
      users.set(hostUserId, { ...user, dotsUserId, whiteLabel: options.whiteLabel === true });
      await persist();
      return 'linked';
    },
    async markPayoutsReady(hostUserId, dotsUserId) {
      const user = users.get(hostUserId);
      if (!user || user.dotsUserId !== dotsUserId) return false;
      if (user.payoutsReady) return true;
      users.set(hostUserId, { ...user, payoutsReady: true });
      await persist();
      return true;
    },
    async createSession(tokenHash, hostUserId) {
      sessions.set(tokenHash, hostUserId);
      await persist();
    },
    async deleteSession(tokenHash) {
      if (sessions.delete(tokenHash)) await persist();
    },
    userForSession(tokenHash) {
      const id = sessions.get(tokenHash);
      return id === undefined ? undefined : users.get(id);
    },
    dotsUserIds: () => [...users.values()].flatMap((user) => (user.dotsUserId ? [user.dotsUserId] : [])),
    flush: () => queue,
  };
}
