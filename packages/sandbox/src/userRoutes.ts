import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { TEST_CODE } from '../page/stepRules.js';
import { apiError, bodyTooLarge } from './apiError.js';
import { isRecord } from './bodyFields.js';
import type { FlowStore } from './flowStore.js';
import { parseListQuery } from './listQuery.js';
import { readJsonBody } from './readJsonBody.js';
import { toUserObject } from './toUserObject.js';
import { USER_STATUSES } from './userStore.js';
import type { UserStatus } from './userStore.js';
import { isUuid } from './uuid.js';
import { validateCreateUser } from './validateCreateUser.js';
import { paginate } from './paginate.js';
import type { Notify } from './payoutStore.js';
import { notifyUserUpdated } from './userUpdatedEvents.js';

const MAX_BODY_BYTES = 64 * 1024;
const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => bodyTooLarge(c, MAX_BODY_BYTES) });
const notJson = 'The body is not valid JSON. Send a JSON object.';

/** `/v2/users`: create (white label), list, retrieve, send a verification token, verify (spec `users`). */
export function addUserRoutes(
  api: Hono,
  { store, strict, notify }: { store: FlowStore; strict: boolean; notify: Notify },
): void {
  const users = store.users;
  const findUser = (id: string) => (isUuid(id) ? users.get(id) : undefined);
  const noUser = (id: string) => `No user "${id}". Check the user id (a UUID from POST /v2/users or a flow).`;

  api.post('/users', limit, async (c) => {
    const read = await readJsonBody(c);
    if (!read.ok) return apiError(c, 400, 'invalid-input', notJson);
    const result = validateCreateUser(read.body, strict);
    if (!result.ok) return apiError(c, 400, 'invalid-input', result.message, result.field);
    return c.json(toUserObject(users.createFromApi(result.value)), 201);
  });

  api.get('/users', (c) => {
    const params = new URL(c.req.url).searchParams;
    const parsed = parseListQuery(params, strict, ['status']);
    if (!parsed.ok) return apiError(c, 400, 'invalid-input', parsed.message, parsed.field);
    const status = params.get('status');
    if (status !== null && !(USER_STATUSES as readonly string[]).includes(status)) {
      return apiError(c, 400, 'invalid-input', `\`status\` must be one of ${USER_STATUSES.join(', ')}.`, 'status');
    }
    const all = users.list().filter((user) => status === null || user.status === (status as UserStatus));
    const page = paginate(all, parsed.query);
    if (!page.ok) {
      const field = parsed.query.startingAfter !== null ? 'starting_after' : 'ending_before';
      return apiError(c, 400, 'invalid-input', `No user "${page.unknownCursor}" in this list to page from.`, field);
    }
    return c.json({ has_more: page.has_more, data: page.data.map(toUserObject) });
  });

  api.get('/users/:id', (c) => {
    const user = findUser(c.req.param('id'));
    if (!user) return apiError(c, 404, 'not-found', noUser(c.req.param('id')));
    return c.json(toUserObject(user));
  });

  api.post('/users/:id/send-verification-token', limit, async (c) => {
    const user = findUser(c.req.param('id'));
    if (!user) return apiError(c, 404, 'not-found', noUser(c.req.param('id')));
    const read = await readJsonBody(c);
    if (!read.ok) return apiError(c, 400, 'invalid-input', notJson);
    const useVoice = isRecord(read.body) ? read.body.use_voice : undefined;
    if (read.body !== undefined && !isRecord(read.body)) {
      return apiError(c, 400, 'invalid-input', 'The body must be a JSON object like {"use_voice": false}, or empty.');
    }
    if (useVoice !== undefined && typeof useVoice !== 'boolean') {
      return apiError(c, 400, 'invalid-input', '`use_voice` must be true or false.', 'use_voice');
    }
    // Nothing is sent: the sandbox's code is always the test code.
    return c.json({}, 202);
  });

  api.post('/users/:id/verify', limit, async (c) => {
    const user = findUser(c.req.param('id'));
    if (!user) return apiError(c, 404, 'not-found', noUser(c.req.param('id')));
    const read = await readJsonBody(c);
    if (!read.ok) return apiError(c, 400, 'invalid-input', notJson);
    const token = isRecord(read.body) ? read.body.token : undefined;
    if (typeof token !== 'string' || token.length < 6) {
      return apiError(
        c,
        400,
        'invalid-input',
        '`token` is required: the code sent to the user (at least 6 characters).',
        'token',
      );
    }
    if (token !== TEST_CODE) {
      return apiError(c, 400, 'invalid-input', `Incorrect token. The sandbox's code is ${TEST_CODE}.`, 'token');
    }
    // Verifying a verified user again changes nothing, so it sends nothing.
    if (user.status === 'unverified') {
      user.status = 'verified';
      notifyUserUpdated(notify, 'user.updated', user.id);
    }
    return c.json(toUserObject(user));
  });
}
