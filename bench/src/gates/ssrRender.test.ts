// Server rendering from the packed build, in a Node process where `window` and friends are undefined.
// Assumes `pnpm build` has run (the root `check` script builds first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packWorkspace, runNode, type PackedWorkspace } from './packWorkspace.js';
import { SSR_PROBE_SCRIPT, type SsrProbeResult } from './ssrProbe.js';

let workspace: PackedWorkspace;
let result: SsrProbeResult;
let stderr: string;

beforeAll(() => {
  workspace = packWorkspace();
  const run = runNode(['--input-type=module', '-e', SSR_PROBE_SCRIPT], workspace.root);
  stderr = run.stderr;
  if (run.status !== 0) throw new Error(`the SSR probe failed (exit ${run.status}):\n${run.stderr}`);
  result = JSON.parse(run.stdout) as SsrProbeResult;
}, 60_000);
afterAll(() => workspace?.dispose());

describe('SSR of <DotsProvider><DotsFlow/></DotsProvider> with react-dom/server', () => {
  it('runs where window is undefined, and the probe really watches it', () => {
    expect(result.windowType).toBe('undefined');
    expect(result.trapWorks).toBe(true);
  });

  it('touches no window, document or other browser global from dots-flow code, at import or render', () => {
    // Third-party environment checks (TanStack Query's own `typeof window`) are theirs to answer for.
    const ours = result.touched.filter((t) => t.stack.includes('/node_modules/@dots-flow/'));
    expect(ours.map((t) => `${t.name} read at\n${t.stack}`)).toEqual([]);
  });

  it('leaves no timer pending after the render (which would pin each request in memory)', () => {
    expect(result.pendingTimers.map((t) => `setTimeout(…, ${t.ms}) from\n${t.stack}`)).toEqual([]);
  });

  it('renders the flow container in its creating state, with no iframe before a trusted link exists', () => {
    expect(result.html).toContain('data-dots-flow=""');
    expect(result.html).toContain('data-status="creating"');
    expect(result.html).toContain('aria-busy="true"');
    expect(result.html).not.toContain('<iframe');
  });

  it('prints no warnings or errors', () => {
    expect(stderr).toBe('');
  });
});
