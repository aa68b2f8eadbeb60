// Entry of the sandbox child process for the server-side benchmarks: the sandbox gets its own event loop (as a
// remote Dots would), and the parent can ask for its heap after a full garbage collection. Run with --expose-gc.
import { startSandbox } from '@dots-flow/sandbox';
import type { SandboxProcessMessage, SandboxProcessReply } from './startSandboxProcess.js';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect || !process.send) throw new Error('Run sandboxProcess with --expose-gc as a forked child.');
const send = (reply: SandboxProcessReply) => process.send!(reply);

const sandbox = await startSandbox({
  port: 0,
  clientId: process.env.BENCH_CLIENT_ID ?? 'bench_client',
  apiKey: process.env.BENCH_API_KEY ?? 'bench_key',
});
process.on('message', (message: SandboxProcessMessage) => {
  if (message.type === 'heap') {
    // Twice: the first pass can leave finalizer-held objects to the second.
    collect();
    collect();
    send({ type: 'heap', heapUsed: process.memoryUsage().heapUsed });
  } else if (message.type === 'close') {
    void sandbox.close().then(() => process.exit(0));
  }
});
// The parent went away without closing: do not linger.
process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));
send({ type: 'ready', url: sandbox.url });
