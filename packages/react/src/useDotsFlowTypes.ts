import type { CSSProperties, RefCallback } from 'react';
import type {
  Flow,
  FlowAppearance,
  FlowCallbacks,
  FlowMetadata,
  FlowSession,
  FlowSessionState,
  StepInput,
} from '@dots-flow/core';

/** Create a flow through the provider's flow source. */
export interface FlowFromSteps {
  steps: readonly StepInput[];
  /** Extra metadata for the flow; your backend may add to it (the server kit stamps the host user). */
  metadata?: FlowMetadata;
  /** Give `steps` (a new flow) or `flow` (one your backend made), not both. */
  flow?: never;
}

/** Frame a flow your backend already created: a Payout Link's flow, or one made in a route loader. */
export interface FlowFromBackend {
  /**
   * The Dots flow object as your backend received it. It gets the same checks as a created one (its link must be
   * on a trusted origin); nothing is sent to the flow source.
   */
  flow: Flow;
  /** Give `steps` (a new flow) or `flow` (one your backend made), not both. */
  steps?: never;
  /** Metadata belongs to the flow your backend created; it cannot be added here. */
  metadata?: never;
}

/** Exactly one of `steps` (a new flow) or `flow` (one your backend already created). */
export type FlowSource = FlowFromSteps | FlowFromBackend;

export interface FlowViewOptions extends FlowCallbacks {
  /** Accessible name of the iframe. */
  title?: string;
  /** Height reserved while loading, and the smallest height the frame gets. */
  minHeight?: number;
  /**
   * This flow's look (`createAppearance(…)`): added to the link once it passed its origin check, and worn by the UI
   * around the frame (`<DotsFlow>`). Changing it restyles the frame, never creates a new flow.
   */
  appearance?: FlowAppearance;
}

export type UseDotsFlowOptions = FlowViewOptions & FlowSource;

export interface FlowFrameProps {
  ref: RefCallback<HTMLIFrameElement>;
  src: string;
  title: string;
  allow: string | undefined;
  style: CSSProperties;
}

export interface UseDotsFlowResult extends FlowSessionState {
  /** Creates a fresh flow after an error (a given `flow` is framed again). */
  retry: () => void;
  /** Props for the `<iframe>`, or `null` while there is no trusted link to show. */
  frameProps: FlowFrameProps | null;
  /** The framework-free session behind this flow, for `useFlowProgress` and custom UIs. */
  session: FlowSession;
  /** The look in effect (the flow's own `appearance`, else the provider's), for the UI around the frame. */
  appearance: FlowAppearance | undefined;
}
