import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Web-standard handler, as `createFlowHandler` and `createWebhookHandler` return. */
export type WebHandler = (request: Request) => Response | Promise<Response>;

/** A node:http listener that Express also accepts as middleware. */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

/**
 * Adapts a Web-standard handler to node:http and Express. Mount it before any body parser, or
 * with `express.raw({ type: '*\/*' })`: a webhook must be verified on the exact bytes received.
 *
 * @example
 * http.createServer(toNodeHandler(flowHandler)).listen(3000);
 * app.use('/api/dots/flows', toNodeHandler(flowHandler)); // Express
 */
export function toNodeHandler(handler: WebHandler): NodeHandler {
  return async (req, res, next) => {
    try {
      const response = await handler(toRequest(req, res));
      await writeResponse(response, req, res);
    } catch (error) {
      if (next) return next(error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The server failed.' } }));
      } else {
        res.destroy();
      }
    }
  };
}

function toRequest(req: IncomingMessage, res: ServerResponse): Request {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  // Express strips the mount path from req.url and keeps the full path in originalUrl.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const host = /^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host ?? '') ? req.headers.host : 'localhost';
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: controller.signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = bodyOf(req, res);
    init.duplex = 'half';
  }
  return new Request(`${encrypted ? 'https' : 'http'}://${host}${path.startsWith('/') ? path : `/${path}`}`, init);
}

/** The raw body: streamed from the socket, or what a body parser left in `req.body`. */
function bodyOf(req: IncomingMessage, res: ServerResponse): ReadableStream<Uint8Array> | string | Uint8Array {
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (req.readableEnded && parsed !== undefined) {
    if (typeof parsed === 'string' || parsed instanceof Uint8Array) return parsed;
    // A JSON parser already ran: re-serialising is the best left (webhooks will not verify).
    return JSON.stringify(parsed);
  }
  let cancelled = false;
  const onData = (chunk: Buffer) => {
    if (cancelled || !stream) return;
    stream.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((stream.desiredSize ?? 1) <= 0) req.pause();
  };
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stream = controller;
      req.on('data', onData);
      req.once('end', () => cancelled || controller.close());
      req.once('error', (error) => cancelled || controller.error(error));
    },
    pull() {
      req.resume();
    },
    cancel() {
      // The handler stopped reading (body too large): discard the rest, answer, then close.
      cancelled = true;
      req.off('data', onData);
      res.shouldKeepAlive = false;
      req.resume();
    },
  });
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // Answered before the whole body arrived: close the connection and drop the rest.
  const unread = !req.complete;
  if (unread) res.shouldKeepAlive = false;
  res.writeHead(response.status, headers);
  if (req.method !== 'HEAD' && response.body !== null) {
    for await (const chunk of response.body) {
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
  }
  res.end();
  if (unread) {
    req.removeAllListeners('data');
    req.resume();
  }
}
