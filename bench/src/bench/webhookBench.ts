// Webhook verification throughput: the server kit's verifyWebhook vs standardwebhooks and svix's own verifier on
// the same signed messages; then the kit's webhook handler end to end (verify + dedupe + dispatch).
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createDotsClient,
  createWebhookHandler,
  signTestWebhook,
  verifyWebhook,
  type SignedTestWebhook,
} from '@dots-flow/server';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';

export const VERIFIERS = ['dots', 'dots-concurrent', 'standardwebhooks', 'svix'] as const;
export type Verifier = (typeof VERIFIERS)[number];

export interface WebhookBenchResult {
  messages: number;
  bodyBytes: number;
  /** Messages verified per second, one figure per round. */
  verified: Record<Verifier, number[]>;
  /** `dots-concurrent`: how many verifications were in flight at once. */
  inFlight: number;
  /** Handler requests per second for an event dispatched to `onEvent`, one figure per round. */
  handled: number[];
  /** Handler requests per second for `flow.updated`, which also reads the flow back from the sandbox. */
  flowUpdated: number[];
  flowUpdatedMessages: number;
}

interface Message {
  body: string;
  svixHeaders: SignedTestWebhook['headers'];
  standardHeaders: Record<string, string>;
}

async function sign(payload: object, secret: string): Promise<Message> {
  const { body, headers } = await signTestWebhook(payload, secret);
  return {
    body,
    svixHeaders: headers,
    standardHeaders: {
      'webhook-id': headers['svix-id'],
      'webhook-timestamp': headers['svix-timestamp'],
      'webhook-signature': headers['svix-signature'],
    },
  };
}

/** A Dots transfer event (about 400 bytes, as a real one). */
function transferEvent(): object {
  const id = randomUUID();
  // The documented body (`transfer` + `transfer_id`), named in `event` so no endpoint subscription is needed.
  return {
    event: 'transfer.completed',
    transfer_id: id,
    transfer: {
      id,
      created: '2026-11-21T10:12:30.846081',
      user_id: randomUUID(),
      amount: -1000,
      status: 'completed',
      type: 'balance',
      metadata: { host_user_id: 'bench-user-0001' },
      external_data: null,
      transactions: [{ id: 4242, amount: -1000, source_name: 'app', destination_name: 'user', type: 'balance' }],
    },
  };
}

async function perSecond(count: number, inFlight: number, run: (index: number) => unknown): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let index = next++; index < count; index = next++) await run(index);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (count / (performance.now() - started)) * 1000;
}

/** Refuses to time a verifier that accepts a changed body or rejects a good one: speed without that means nothing. */
async function checkVerifiers(verify: Record<Verifier, (m: Message) => unknown>, message: Message): Promise<void> {
  const tampered = { ...message, body: message.body.replace('-1000', '-9000') };
  for (const [name, run] of Object.entries(verify)) {
    const payload = (await run(message)) as { event?: string };
    if (payload?.event !== 'transfer.completed') throw new Error(`${name} did not return the payload`);
    const accepted = await (async () => run(tampered))().then(
      () => true,
      () => false,
    );
    if (accepted) {
      throw new Error(`${name} accepted a tampered body`);
    }
  }
}

export async function runWebhookBench(options: {
  sandboxUrl: string;
  clientId: string;
  apiKey: string;
  messages: number;
  /** Timed rounds of the verifiers, after one warm-up round. */
  rounds: number;
  /** Timed rounds of the handler, after one warm-up round. */
  handlerRounds: number;
  inFlight: number;
  flowUpdatedMessages: number;
}): Promise<WebhookBenchResult> {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const messages: Message[] = [];
  for (let i = 0; i < options.messages; i += 1) messages.push(await sign(transferEvent(), secret));
  const standard = new StandardWebhook(secret);
  const svix = new SvixWebhook(secret);
  const verify: Record<Verifier, (m: Message) => unknown> = {
    dots: (m) => verifyWebhook(m.body, m.svixHeaders, secret),
    'dots-concurrent': (m) => verifyWebhook(m.body, m.svixHeaders, secret),
    standardwebhooks: (m) => standard.verify(m.body, m.standardHeaders),
    svix: (m) => svix.verify(m.body, m.svixHeaders),
  };
  await checkVerifiers(verify, messages[0]!);

  const verified = Object.fromEntries(VERIFIERS.map((name) => [name, [] as number[]])) as Record<Verifier, number[]>;
  const inFlightOf = (name: Verifier) => (name === 'dots-concurrent' ? options.inFlight : 1);
  for (const name of VERIFIERS) await perSecond(options.messages, inFlightOf(name), (i) => verify[name](messages[i]!));
  for (let round = 0; round < options.rounds; round += 1) {
    // Rotate the order each round, so drift hits every verifier alike.
    for (let k = 0; k < VERIFIERS.length; k += 1) {
      const name = VERIFIERS[(round + k) % VERIFIERS.length]!;
      verified[name].push(await perSecond(options.messages, inFlightOf(name), (i) => verify[name](messages[i]!)));
    }
  }

  const client = createDotsClient({ clientId: options.clientId, apiKey: options.apiKey, baseUrl: options.sandboxUrl });
  const deliver = async (handler: (request: Request) => Promise<Response>, message: Message) => {
    const response = await handler(
      new Request('http://host.test/api/dots/webhooks', {
        method: 'POST',
        headers: message.svixHeaders,
        body: message.body,
      }),
    );
    if (response.status !== 200) throw new Error(`the webhook handler answered ${response.status}`);
  };

  // (a) An event for onEvent only. A fresh handler per round: every message id is new to its dedupe.
  const handled: number[] = [];
  for (let round = 0; round <= options.handlerRounds; round += 1) {
    let dispatched = 0;
    const handler = createWebhookHandler({
      secret,
      client,
      onEvent: () => void (dispatched += 1),
      onFlowUpdated: () => undefined,
    });
    const rate = await perSecond(options.messages, 1, (i) => deliver(handler, messages[i]!));
    if (dispatched !== options.messages) throw new Error(`dispatched ${dispatched} of ${options.messages} events`);
    if (round > 0) handled.push(rate); // round 0 warms up
  }

  // (b) flow.updated: the handler reads each flow back from the sandbox before onFlowUpdated.
  const flowIds: string[] = [];
  for (let i = 0; i < 50; i += 1) flowIds.push((await client.flows.create({ steps: ['compliance'] })).id);
  const updates: Message[] = [];
  for (let i = 0; i < options.flowUpdatedMessages; i += 1) {
    updates.push(await sign({ event: 'flow.updated', flow_id: flowIds[i % flowIds.length] }, secret));
  }
  const flowUpdated: number[] = [];
  for (let round = 0; round <= options.handlerRounds; round += 1) {
    let read = 0;
    const handler = createWebhookHandler({ secret, client, onFlowUpdated: () => void (read += 1) });
    const rate = await perSecond(updates.length, 1, (i) => deliver(handler, updates[i]!));
    if (read !== updates.length) throw new Error(`onFlowUpdated ran ${read} times for ${updates.length} events`);
    if (round > 0) flowUpdated.push(rate);
  }

  return {
    messages: options.messages,
    bodyBytes: Buffer.byteLength(messages[0]!.body),
    verified,
    inFlight: options.inFlight,
    handled,
    flowUpdated,
    flowUpdatedMessages: options.flowUpdatedMessages,
  };
}
