import type { CreateFlowRequest } from '@dots-flow/core';
import { describe, expect, it } from 'vitest';
import { DOTS_ID_RULE, LOOSE_ID_RULE } from './dotsIds.js';
import { parseCreateFlowRequest } from './parseCreateFlowRequest.js';

const USER = 'f33919ae-6793-41bd-b512-1ad3c19f4ecb';

describe('parseCreateFlowRequest', () => {
  it('takes every field of POST /v2/flows and copies only those', () => {
    const request: CreateFlowRequest = {
      steps: ['compliance', { name: 'pdf-form-fill', template_id: 'tmpl_1' }],
      user_id: USER,
      metadata: 'order A-1',
      hide_go_to_dashboard_on_complete: true,
      require_auth: false,
    };
    const result = parseCreateFlowRequest(request, DOTS_ID_RULE);
    expect(result).toEqual({ ok: true, value: request });
    if (result.ok) expect(result.value).not.toBe(request);
    expect(parseCreateFlowRequest({ steps: ['payout'], metadata: { a: { b: 1 } } }, DOTS_ID_RULE)).toMatchObject({
      ok: true,
    });
  });

  it('leaves out metadata given as null rather than sending it', () => {
    expect(parseCreateFlowRequest({ steps: ['payout'], metadata: null }, DOTS_ID_RULE)).toEqual({
      ok: true,
      value: { steps: ['payout'] },
    });
  });

  it('checks user_id with the environment’s id rule', () => {
    expect(parseCreateFlowRequest({ steps: ['payout'], user_id: 'dots_user_1' }, LOOSE_ID_RULE)).toMatchObject({
      ok: true,
    });
    const refused = parseCreateFlowRequest({ steps: ['payout'], user_id: 'dots_user_1' }, DOTS_ID_RULE);
    expect(refused).toMatchObject({ ok: false, code: 'invalid_body' });
    if (!refused.ok) expect(refused.message).toContain('UUID');
  });

  it.each([
    [null, 'invalid_body', 'an object'],
    [[{ steps: ['payout'] }], 'invalid_body', 'an object'],
    [{ steps: ['payout'], user: USER }, 'invalid_body', 'Unknown field "user"'],
    [JSON.parse('{"steps":["payout"],"__proto__":{"user_id":"x"}}'), 'invalid_body', 'Unknown field "__proto__"'],
    [{ steps: ['payout'], user_id: 42 }, 'invalid_body', 'user_id'],
    [{ steps: ['payout'], user_id: '' }, 'invalid_body', 'user_id'],
    [{ steps: ['payout'], user_id: `${USER}/../x` }, 'invalid_body', 'user_id'],
    [{ steps: ['payout'], require_auth: 'true' }, 'invalid_body', 'require_auth'],
    [{ steps: ['payout'], hide_go_to_dashboard_on_complete: null }, 'invalid_body', 'hide_go_to_dashboard'],
    [{ steps: [] }, 'invalid_steps', 'non-empty'],
    [{ steps: ['payout'], metadata: ['a'] }, 'invalid_metadata', 'string or a JSON object'],
  ])('refuses %j as %s', (request, code, hint) => {
    const result = parseCreateFlowRequest(request, DOTS_ID_RULE);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toContain(hint);
  });
});
