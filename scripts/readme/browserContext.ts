// The names browser-side README snippets use without declaring them. The tests fill `ctx` before each import.
import type { DotsEnvironment, FlowStepName, StepStatus } from '@dots-flow/react';

export interface BrowserSnippetContext {
  user: { id: string };
  track: (step: FlowStepName, status: StepStatus) => void;
  navigate: (to: string) => void;
  toast: (text: string) => void;
  close: () => void;
  /** The local sandbox's frame origin, in place of Dots' (the one test-only swap). */
  environment: DotsEnvironment;
}

export const ctx = {} as BrowserSnippetContext;
