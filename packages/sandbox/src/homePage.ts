import type { Context } from 'hono';

/** The sandbox's home page: what it serves, and the demo when it runs with one. */
export function homePage(c: Context, demo: boolean) {
  c.header('Content-Security-Policy', "default-src 'none'");
  return c.html(
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Dots sandbox</title>' +
      '<h1>Dots sandbox</h1><p>A local stand-in for the Dots API.</p><ul>' +
      '<li>API: <code>POST /api/v2/flows</code>, <code>GET /api/v2/flows</code>, ' +
      '<code>GET /api/v2/flows/:id</code> (HTTP Basic auth)</li>' +
      '<li>Flow pages: <code>/flow/:id</code></li>' +
      (demo ? '<li><a href="/demo">Click through a demo flow</a> and see the messages a host receives</li>' : '') +
      '</ul></html>',
  );
}
