// An origin nobody trusts, for tests that prove forged messages change nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const page = `<!doctype html><meta charset="utf-8"><title>foreign</title><script>
const params = new URLSearchParams(location.search);
const target = params.get('target') === 'top' ? window.top : window.parent;
for (const raw of params.getAll('message')) target.postMessage(JSON.parse(raw), '*');
document.title = 'posted';
</script>`;

export async function startForeignOrigin(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/post.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // `localhost` is a different origin from the sandbox's 127.0.0.1 even on the same machine.
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
