// The names server-side README snippets use without declaring them. The tests fill `ctx` before each import.
import http, { type Server } from 'node:http';
import type { Express } from 'express';
import type { Hono } from 'hono';
import type { DotsClient, ResolvedUser } from '@dots-flow/server';

export interface ServerSnippetContext {
  /** Where the runs send what the snippets send to Dots: the local sandbox. */
  sandboxUrl: string;
  lookUpSession: (request: Request) => ResolvedUser | null;
  getSessionUser: (request: Request) => Promise<{ id: string; dotsUserId?: string | null } | null>;
  saveDotsUserId: (hostUserId: string, dotsUserId: string) => Promise<void>;
  dotsUserId: string;
  signal: AbortSignal;
  dots: DotsClient;
  handler: (request: Request) => Promise<Response>;
  webhooks: (request: Request) => Promise<Response>;
  hono: Hono;
  express: Express;
  /** node:http's own `createServer`, remembering each server in `servers`. */
  http: { createServer: typeof http.createServer };
  servers: Server[];
  rawBody: string;
  request: Request;
  secret: string;
  flow_id: string;
  webhookUrl: string;
  /** The payment recipes' stand-in for the host's webhook: the user walks the flow on the sandbox page. */
  userFinishedFlow: (flowId: string) => Promise<void>;
  codeTheUserTyped: string;
}

const servers: Server[] = [];

export const ctx = {
  servers,
  http: {
    createServer: ((...args: Parameters<typeof http.createServer>) => {
      const server = http.createServer(...args);
      servers.push(server);
      return server;
    }) as typeof http.createServer,
  },
} as ServerSnippetContext;
