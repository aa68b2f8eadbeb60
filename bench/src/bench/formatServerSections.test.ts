import { describe, expect, it } from 'vitest';
import {
  flowRouteSection,
  formatBytes,
  formatMs,
  formatPerSecond,
  sandboxSection,
  webhookSection,
  type ServerReport,
} from './formatServerSections.js';

const report: ServerReport = {
  webhooks: {
    messages: 2000,
    bodyBytes: 398,
    verified: {
      dots: [5000, 6000, 7000],
      'dots-concurrent': [8000],
      standardwebhooks: [30_000],
      svix: [20_000, 20_000],
    },
    inFlight: 16,
    handled: [2500, 3000, 3500],
    flowUpdated: [250],
    flowUpdatedMessages: 500,
    versions: { standardwebhooks: '1.1.1', svix: '1.99.1' },
  },
  flowRoute: { handlerMs: [4, 4, 5, 40], bareMs: [3, 3, 3, 30] },
  sandbox: {
    levels: [
      { concurrency: 1, completed: 1500, elapsedMs: 3000, latenciesMs: [1, 1, 1, 2] },
      { concurrency: 100, completed: 6000, elapsedMs: 3000, latenciesMs: [20, 30, 40, 90] },
    ],
    bytesPerFlow: 700,
    flowsMeasured: 4000,
    bytesPerUser: 350.4,
    usersMeasured: 4000,
  },
};

describe('formatters', () => {
  it('prints rates, times and sizes the way the tables read them', () => {
    expect(formatPerSecond(12345.6)).toBe('12,346/s');
    expect(formatMs(1.234)).toBe('1.23 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatBytes(350.4)).toBe('350 B');
    expect(formatBytes(9999)).toBe('9,999 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(7_000_000)).toBe('7.0 MB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
  });
});

describe('webhookSection', () => {
  const text = webhookSection(report).join('\n');

  it('reports each verifier as a ratio to svix, with the versions measured', () => {
    expect(text).toContain('| svix `Webhook.verify` (svix@1.99.1) | 2 | 20,000/s | 1.00× (reference) |');
    expect(text).toContain('(standardwebhooks@1.1.1) | 1 | 30,000/s | 1.50× |');
    expect(text).toContain('| `verifyWebhook` (`@dots-flow/server`) | 3 | 6,000/s | 0.30× |');
    expect(text).toContain('| `verifyWebhook`, 16 in flight | 1 | 8,000/s | 0.40× |');
  });

  it('reports the handler end to end per second', () => {
    expect(text).toContain('| `transfer.completed` → `onEvent` | 3 | 3,000/s |');
    expect(text).toMatch(/`flow\.updated`.*\(500 per round\) \| 1 \| 250\/s \|/);
  });
});

describe('flowRouteSection', () => {
  it('reports the median latency as a ratio to the bare fetch, and what the route adds', () => {
    const text = flowRouteSection(report).join('\n');
    expect(text).toContain('| bare `fetch` to the sandbox | 4 | 3.00 ms | 30.0 ms | 1.00× (reference) |');
    expect(text).toContain('| `createFlowHandler` → sandbox | 4 | 4.50 ms | 40.0 ms | 1.50× |');
    expect(text).toContain('The route adds 1.50 ms per creation at the median.');
  });
});

describe('sandboxSection', () => {
  const text = sandboxSection(report).join('\n');

  it('reports creates per second and latency percentiles per concurrency level', () => {
    expect(text).toContain('| 1 | 1,500 | 500/s | 1.00 ms | 2.00 ms |');
    expect(text).toContain('| 100 | 6,000 | 2,000/s | 30.0 ms | 90.0 ms |');
    expect(text).toContain('for 3.0 s per level');
  });

  it('reports memory per flow and per user, and what 10,000 flows cost', () => {
    expect(text).toContain('| per stored flow (4,000 flows created) | 700 B |');
    expect(text).toContain('| per user (onboarding completed on 4,000 of those flows) | 350 B |');
    expect(text).toContain('10,000 stored flows cost about 7.0 MB');
  });

  it('refuses a level without measurements instead of printing NaN', () => {
    const empty = {
      ...report,
      sandbox: { ...report.sandbox, levels: [{ ...report.sandbox.levels[0]!, latenciesMs: [] }] },
    };
    expect(() => sandboxSection(empty)).toThrow(/no values/);
  });
});
