import { describe, expect, it } from 'vitest';
import { staticFlowLink } from './staticFlowLink.js';

function decode(link: string): unknown {
  const raw = new URL(link).searchParams.get('config') ?? '';
  return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
}

describe('staticFlowLink', () => {
  it('carries the config as base64url JSON after flow.html', () => {
    const config = { steps: ['compliance' as const, { name: 'manage-payouts' as const, hide_continue_button: true }] };
    const link = staticFlowLink('http://localhost:6006/dots-sandbox', config);
    expect(link).toMatch(/^http:\/\/localhost:6006\/dots-sandbox\/flow\.html\?config=[A-Za-z0-9_-]+$/);
    expect(decode(link)).toEqual(config);
  });

  it('tolerates trailing slashes and keeps non-ASCII text intact', () => {
    const config = { steps: ['payout' as const], user_id: 'user_ünïcødé_🙂', hide_go_to_dashboard_on_complete: true };
    const link = staticFlowLink('http://127.0.0.1:4010/flow//', config);
    expect(link.startsWith('http://127.0.0.1:4010/flow/flow.html?config=')).toBe(true);
    expect(decode(link)).toEqual(config);
  });
});
