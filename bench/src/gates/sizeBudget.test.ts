// The size budget of the documented import. Assumes `pnpm build` has run (the root `check` script builds first).
import { describe, expect, it } from 'vitest';
import { formatKilobytes, measureBundle } from './bundleCost.js';
import { attributeToSources } from './sourceAttribution.js';

/**
 * Issue 6 asks for 3.5 kB min+gzip (goal: under 3 kB), and that is not met: the import measures about 4.47 kB,
 * and removing every optional extra in turn still leaves about 3.9 kB (see the issue's notes). The project's hard
 * ceiling is 4,500 B. This is a ratchet just above today's figure so nothing grows unnoticed; lower it with every
 * saving and never raise it past 4,500 B. (Dots' documented flow contract and the core flow controller fit within
 * 4445 → 4435 after the controller's own diet. Then 4428 → 4434 with the `flow` prop (+33 B, paid for by one
 * createFlowController call site, FlowView reading its own props, the error check from the session's `error`,
 * the environment keyed by JSON and production `receive()` without its redundant object check), and → 4470 with the
 * designed error UI of issue 14 (human messages per code in core, retry only where it helps: +95 B, less the
 * backend's wording and the one-loading-state FlowView). Then → 4453: @dots-flow/react's build drops the JSX
 * transform's `@__PURE__` marks (all inside components, where no tree-shaker needs them: −15 B) and the frame-origin
 * table needs one mark instead of three (a pure IIFE: −2 B). Then → 4491 with `appearance` on DotsFlow/useDotsFlow
 * (+38 B; it calls the tree-shaken `createAppearance` object's own `frame()`/`style`). A provider-wide `appearance`
 * (+29 B more: context field, a second memo) does not fit: 4520 B on branch appear-react-wip.) Then → 4484: the
 * iframe element itself is the frame ref (core's `setFrame` takes the element and reads its window per message,
 * which also keeps Chromium from building the blank frame's script context inside the commit): −7 B. Then → 4498
 * with the provider-wide `appearance` (+28 B: a second memo over the config, flows keyed by its `createFlow`, the
 * effective appearance returned by useDotsFlow), paid for by `Object.freeze` spelt once in core (`freeze`, −5 B),
 * parseFlow's list reader reading its own field (−4 B) and the frame height's `Math.max` doing the null → 0 itself
 * (−5 B).
 * TARGET_BYTES is what the issue requires.
 */
const TARGET_BYTES = 3500;
const BUDGET_BYTES = 4498;
const ENTRY = "export { DotsProvider, DotsFlow } from '@dots-flow/react';";

describe('size budget', () => {
  it(`import { DotsProvider, DotsFlow } costs at most ${formatKilobytes(BUDGET_BYTES)} min+gzip`, async () => {
    const cost = await measureBundle(ENTRY);
    const shares = await attributeToSources(ENTRY, cost.gzipBytes);
    const breakdown = shares
      .slice(0, 12)
      .map((share) => `  ≈${String(share.gzipBytes).padStart(5)} B  ${share.file}`)
      .join('\n');
    const summary =
      `DotsProvider + DotsFlow: ${formatKilobytes(cost.gzipBytes)} min+gzip (${cost.gzipBytes} B; ` +
      `${cost.minBytes} B minified; ratchet ${BUDGET_BYTES} B, target ${TARGET_BYTES} B). Where the gzip bytes come from (estimate):\n${breakdown}`;
    console.info(`[size] ${summary}`);
    expect(cost.gzipBytes, `over budget. ${summary}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('bundles @dots-flow/core in and leaves the peers out', async () => {
    const cost = await measureBundle(ENTRY);
    const ids = cost.modules.map((m) => m.id);
    expect(ids).toContain('packages/core/dist/index.js');
    expect(ids.filter((id) => /^(react|react-dom|@tanstack\/react-query)\//.test(id))).toEqual([]);
    expect(cost.code).toMatch(/from\s*"react"/);
    expect(cost.code).toMatch(/from\s*"@tanstack\/react-query"/);
  });

  it('counts what is imported: less import, fewer bytes; a bundled peer, more bytes', async () => {
    const full = await measureBundle(ENTRY);
    const less = await measureBundle("export { DotsProvider } from '@dots-flow/react';");
    const withQuery = await measureBundle(ENTRY, [/^react($|\/)/, /^react-dom($|\/)/]);
    expect(less.gzipBytes).toBeLessThan(full.gzipBytes);
    expect(withQuery.gzipBytes).toBeGreaterThan(full.gzipBytes);
  });
});
