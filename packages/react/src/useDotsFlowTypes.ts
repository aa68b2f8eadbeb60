import type { CSSProperties, RefCallback } from 'react';
import type { FlowCallbacks, FlowMetadata, FlowSession, FlowSessionState, StepInput } from '@dots-flow/core';

export interface UseDotsFlowOptions extends FlowCallbacks {
  steps: readonly StepInput[];
  /** Extra metadata for the flow; your backend may add to it (the server kit stamps the host user). */
  metadata?: FlowMetadata;
  /** Accessible name of the iframe. */
  title?: string;
  /** Height reserved while loading, and the smallest height the frame gets. */
  minHeight?: number;
}

export interface FlowFrameProps {
  ref: RefCallback<HTMLIFrameElement>;
  src: string;
  title: string;
  allow: string | undefined;
  style: CSSProperties;
}

export interface UseDotsFlowResult extends FlowSessionState {
  /** Creates a fresh flow after an error. */
  retry: () => void;
  /** Props for the `<iframe>`, or `null` while there is no trusted link to show. */
  frameProps: FlowFrameProps | null;
  /** The framework-free session behind this flow, for `useFlowProgress` and custom UIs. */
  session: FlowSession;
}
