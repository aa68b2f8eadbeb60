// How much a CI run costs the sandbox: flow creations per second under concurrent clients, and the memory each
// stored flow and each onboarded user takes. The sandbox runs in a child process; the clients run here.
import { Agent, request } from 'node:http';
import { runClosedLoop } from './runClosedLoop.js';
import type { SandboxProcess } from './startSandboxProcess.js';

export interface CapacityLevel {
  concurrency: number;
  completed: number;
  elapsedMs: number;
  latenciesMs: number[];
}

export interface SandboxCapacityResult {
  levels: CapacityLevel[];
  /** Heap bytes per stored flow, measured over `flowsMeasured` creations. */
  bytesPerFlow: number;
  flowsMeasured: number;
  /** Heap bytes per user (onboarding completed on a stored flow), over `usersMeasured` users. */
  bytesPerUser: number;
  usersMeasured: number;
}

/** The body the server kit's flow route sends to Dots for a signed-in user. */
export const CREATE_BODY = JSON.stringify({ steps: ['compliance'], metadata: { host_user_id: 'bench-user-0001' } });

/** POSTs JSON and resolves with the answer's body; any status but 200/201 rejects. */
export function postJson(agent: Agent, url: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<string>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200 || res.statusCode === 201) resolve(text);
        else reject(new Error(`POST ${url} answered ${res.statusCode}: ${text.slice(0, 200)}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function createFlows(sandbox: SandboxProcess, auth: string, count: number): Promise<string[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 10 });
  const ids: string[] = [];
  let started = 0;
  const create = async () => {
    while (started < count) {
      started += 1;
      const answer = await postJson(agent, `${sandbox.url}/api/v2/flows`, CREATE_BODY, { authorization: auth });
      ids.push((JSON.parse(answer) as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: 10 }, create));
  agent.destroy();
  return ids;
}

async function onboard(sandbox: SandboxProcess, flowIds: readonly string[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 10 });
  const queue = [...flowIds];
  const body = JSON.stringify({ fields: { phone: '+1 415 555 0100', code: '123456' } });
  const worker = async () => {
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      await postJson(agent, `${sandbox.url}/flow/${id}/steps/onboarding`, body);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  agent.destroy();
}

/**
 * The heap once it stops shrinking: closed connections and their buffers are freed over a few hundred ms after a
 * burst, so the first figure after one runs high.
 */
async function settledHeap(sandbox: SandboxProcess): Promise<number> {
  let last = Infinity;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const heap = await sandbox.heapUsed();
    if (Math.abs(heap - last) < 16 * 1024) return heap;
    last = heap;
  }
  return last;
}

/**
 * Memory first, on a fresh sandbox (it forgets the oldest flows beyond 10,000, so `flows` + 1000 must stay below),
 * then throughput per level.
 */
export async function measureSandboxCapacity(
  sandbox: SandboxProcess,
  options: { auth: string; levels: readonly number[]; durationMs: number; flows: number; users: number },
): Promise<SandboxCapacityResult> {
  const { auth } = options;
  // Warm-up of both paths (JIT, connection and id pools, Hono's routers), so the heap deltas hold only the data.
  await onboard(sandbox, await createFlows(sandbox, auth, 1000));
  const empty = await settledHeap(sandbox);
  const ids = await createFlows(sandbox, auth, options.flows);
  const withFlows = await settledHeap(sandbox);
  await onboard(sandbox, ids.slice(0, options.users));
  const withUsers = await settledHeap(sandbox);

  const levels: CapacityLevel[] = [];
  for (const concurrency of options.levels) {
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const run = await runClosedLoop({
      concurrency,
      warmUpMs: 300,
      durationMs: options.durationMs,
      request: async () => {
        await postJson(agent, `${sandbox.url}/api/v2/flows`, CREATE_BODY, { authorization: auth });
      },
    });
    agent.destroy();
    levels.push({ concurrency, ...run });
  }
  return {
    levels,
    bytesPerFlow: (withFlows - empty) / options.flows,
    flowsMeasured: options.flows,
    bytesPerUser: (withUsers - withFlows) / options.users,
    usersMeasured: options.users,
  };
}
