import { flowStepNameOf, isStepStatus } from './steps.js';
import type { FlowMessage } from './types.js';
import { isPlainRecord, ownValue } from './ownValue.js';

/** The tallest frame height, in CSS pixels, a height message may ask for; anything above is dropped as absurd. */
export const MAX_FRAME_HEIGHT = 20_000;

/**
 * Validates a message posted by a Dots flow frame. Accepts only a plain object that is exactly
 * `{ height }` or `{ step, status }` (unknown extra keys are ignored, never copied) and returns a
 * fresh `FlowMessage`; returns `null` for anything else. Never throws, whatever `data` is.
 *
 * @example
 * parseFlowMessage({ step: 'authorization', status: 'completed' }) // { type: 'step', step: 'onboarding', status: 'completed' }
 */
export function parseFlowMessage(data: unknown): FlowMessage | null {
  try {
    // JSON.parse turns "__proto__" into an own key; such a payload is an attack, not a Dots message.
    if (!isPlainRecord(data) || Object.getOwnPropertyDescriptor(data, '__proto__')) return null;
    const height = ownValue(data, 'height');
    const step = ownValue(data, 'step');
    const status = ownValue(data, 'status');
    if (height !== undefined) {
      // The range check also drops NaN and the infinities.
      return step === undefined &&
        status === undefined &&
        typeof height === 'number' &&
        height > 0 &&
        height <= MAX_FRAME_HEIGHT
        ? { type: 'height', height: Math.ceil(height) }
        : null;
    }
    const name = flowStepNameOf(step);
    return name !== null && isStepStatus(status) ? { type: 'step', step: name, status } : null;
  } catch {
    // Revoked proxies, throwing traps and accessors land here: a message we cannot read is not a message.
    return null;
  }
}
