import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export type SandboxProcessMessage = { type: 'heap' } | { type: 'close' };
export type SandboxProcessReply = { type: 'ready'; url: string } | { type: 'heap'; heapUsed: number };

export interface SandboxProcess {
  url: string;
  /** The child's V8 heap in bytes after a full garbage collection. */
  heapUsed(): Promise<number>;
  close(): Promise<void>;
}

/** Starts `@dots-flow/sandbox` in a child Node process (compiled runner only: it forks `sandboxProcess.js`). */
export async function startSandboxProcess(options: { clientId: string; apiKey: string }): Promise<SandboxProcess> {
  const child = fork(fileURLToPath(new URL('./sandboxProcess.js', import.meta.url)), {
    execArgv: ['--expose-gc'],
    env: { ...process.env, BENCH_CLIENT_ID: options.clientId, BENCH_API_KEY: options.apiKey },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  type Waiting = { type: SandboxProcessReply['type']; resolve: (reply: never) => void; reject: (e: Error) => void };
  const waiting: Waiting[] = [];
  child.on('message', (reply: SandboxProcessReply) => {
    const index = waiting.findIndex((w) => w.type === reply.type);
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(reply as never);
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`The sandbox process exited (${String(code)}).`));
  });
  const next = <T extends SandboxProcessReply['type']>(type: T) =>
    new Promise<Extract<SandboxProcessReply, { type: T }>>((resolve, reject) =>
      waiting.push({ type, resolve: resolve as (reply: never) => void, reject }),
    );
  const { url } = await next('ready');
  return {
    url,
    async heapUsed() {
      child.send({ type: 'heap' } satisfies SandboxProcessMessage);
      return (await next('heap')).heapUsed;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ type: 'close' } satisfies SandboxProcessMessage);
      await exited;
    },
  };
}
