// The server side's sections of BENCHMARKS.md: webhook verification, the flow route, the sandbox. Pure.
import type { FlowRouteBenchResult } from './flowRouteBench.js';
import type { SandboxCapacityResult } from './sandboxCapacity.js';
import { formatRatio, median, percentile } from './stats.js';
import type { WebhookBenchResult } from './webhookBench.js';

export interface ServerReport {
  webhooks: WebhookBenchResult & { versions: { standardwebhooks: string; svix: string } };
  flowRoute: FlowRouteBenchResult;
  sandbox: SandboxCapacityResult;
}

/** `12345.6` → `"12,346/s"`. */
export const formatPerSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
/** `1.234` → `"1.23 ms"`, two decimals below 10 ms, one above. */
export const formatMs = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
/** Bytes in B below 10 kB, kB below 1 MB, else MB (powers of 1000). */
export function formatBytes(bytes: number): string {
  const size = Math.abs(bytes);
  if (size < 10_000) return `${Math.round(bytes).toLocaleString('en-US')} B`;
  return size < 1e6 ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

export function webhookSection(report: ServerReport): string[] {
  const { webhooks: w } = report;
  const reference = median(w.verified.svix);
  const row = (label: string, values: number[]) =>
    `| ${label} | ${values.length} | ${formatPerSecond(median(values))} | ${
      values === w.verified.svix ? '1.00× (reference)' : formatRatio(median(values) / reference)
    } |`;
  return [
    `${w.messages.toLocaleString('en-US')} distinct messages (a ${w.bodyBytes}-byte \`transfer.completed\` body), signed once ` +
      "with the server kit's `signTestWebhook` and handed to every verifier; each must return the payload and refuse a " +
      'tampered body before it is timed. One message at a time unless stated, verifiers rotating each round, after a ' +
      'warm-up round. `verifyWebhook` is the public call, given the secret string each time: it imports the key once per secret (a few secrets kept) ' +
      'and, on Node, computes the HMAC synchronously with node:crypto (WebCrypto on edge runtimes); the other two are ' +
      'synchronous pure-JavaScript HMACs.',
    '',
    '| verifier | rounds | median messages verified | vs svix |',
    '| --- | ---: | ---: | ---: |',
    row(`svix \`Webhook.verify\` (svix@${w.versions.svix})`, w.verified.svix),
    row(
      `standardwebhooks \`Webhook.verify\` (standardwebhooks@${w.versions.standardwebhooks})`,
      w.verified.standardwebhooks,
    ),
    row('`verifyWebhook` (`@dots-flow/server`)', w.verified.dots),
    row(`\`verifyWebhook\`, ${w.inFlight} in flight`, w.verified['dots-concurrent']),
    '',
    'The webhook handler end to end (`createWebhookHandler`: a Web `Request` built per delivery, body read with its ' +
      'size limit, verified, claimed in the in-memory dedupe, dispatched, a JSON `Response`), one delivery at a time:',
    '',
    '| delivery | rounds | median deliveries handled |',
    '| --- | ---: | ---: |',
    `| \`transfer.completed\` → \`onEvent\` | ${w.handled.length} | ${formatPerSecond(median(w.handled))} |`,
    `| \`flow.updated\` → \`flows.retrieve\` on the sandbox → \`onFlowUpdated\` (${w.flowUpdatedMessages.toLocaleString('en-US')} per round) | ${w.flowUpdated.length} | ${formatPerSecond(median(w.flowUpdated))} |`,
  ];
}

export function flowRouteSection(report: ServerReport): string[] {
  const { handlerMs, bareMs } = report.flowRoute;
  const row = (label: string, values: number[], reference: boolean) =>
    `| ${label} | ${values.length} | ${formatMs(median(values))} | ${formatMs(percentile(values, 0.99))} | ${
      reference ? '1.00× (reference)' : formatRatio(median(values) / median(bareMs))
    } |`;
  return [
    '`createFlowHandler` (session lookup, content type, size-limited body, step and metadata checks, the Dots ' +
      'client with its timeout, the flow check, a JSON `Response`) called with a Web `Request`, vs a bare `fetch` ' +
      'of the request the handler forwards (same body, same metadata) straight to the sandbox. One request at a ' +
      'time, the two alternating; the sandbox runs in its own process.',
    '',
    '| path | requests | median | p99 | median vs bare fetch |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('bare `fetch` to the sandbox', bareMs, true),
    row('`createFlowHandler` → sandbox', handlerMs, false),
    '',
    `The route adds ${formatMs(median(handlerMs) - median(bareMs))} per creation at the median.`,
  ];
}

export function sandboxSection(report: ServerReport): string[] {
  const s = report.sandbox;
  const rows = s.levels.map((level) => {
    const rate = (level.completed / level.elapsedMs) * 1000;
    return `| ${level.concurrency} | ${level.completed.toLocaleString('en-US')} | ${formatPerSecond(rate)} | ${formatMs(
      percentile(level.latenciesMs, 0.5),
    )} | ${formatMs(percentile(level.latenciesMs, 0.99))} |`;
  });
  const seconds = ((s.levels[0]?.elapsedMs ?? 0) / 1000).toFixed(1);
  return [
    '`POST /api/v2/flows` with HTTP Basic auth and the body the flow route sends, from N clients that each send ' +
      `their next request when the last is answered (keep-alive), for ${seconds} s per level after 0.3 s of warm-up. ` +
      'The sandbox runs alone in a child Node process; the clients share the other core with the runner.',
    '',
    '| concurrent clients | creates | creates per second | p50 latency | p99 latency |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '| memory (V8 heap after full GC, in the sandbox process) | per item |',
    '| --- | ---: |',
    `| per stored flow (${s.flowsMeasured.toLocaleString('en-US')} flows created) | ${formatBytes(s.bytesPerFlow)} |`,
    `| per user (onboarding completed on ${s.usersMeasured.toLocaleString('en-US')} of those flows) | ${formatBytes(s.bytesPerUser)} |`,
    '',
    `So 10,000 stored flows cost about ${formatBytes(s.bytesPerFlow * 10_000)} of heap. The sandbox keeps at most ` +
      '10,000 flows and forgets the oldest beyond that, so a long CI run stays bounded; users are kept for the life ' +
      'of the process.',
  ];
}
