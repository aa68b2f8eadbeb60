import { DotsFlowError } from './DotsFlowError.js';
import { freeze } from './freeze.js';
import { isPlainRecord, ownValue } from './ownValue.js';
import type { Flow, FlowMetadata } from './types.js';

/**
 * Validates a flow endpoint's answer into a fresh, frozen `Flow` (the input is read field by field,
 * never spread). `metadata` may be a string, a JSON object or null (spec schema `flow`); `created` a naive
 * or zoned ISO timestamp. `completed_steps` defaults to `[]`, a missing `user_id`, `metadata` or
 * `payout_link_id` to `null`; unknown fields (Dots' `updated`, say) are dropped.
 * Throws `DotsFlowError('invalid_response')` naming the first bad field.
 */
export function parseFlow(value: unknown): Flow {
  // Checked here, not in a shared constant, so bundlers fold it and production builds drop every reason.
  const dev = process.env.NODE_ENV !== 'production';
  try {
    if (!isPlainRecord(value)) throw invalid(dev && 'the answer is not a JSON object');
    const read = (key: string): unknown => ownValue(value, key) ?? null;
    const strings = (key: string, fallback?: string[]): string[] => {
      const list = read(key) ?? fallback;
      if (!Array.isArray(list)) throw invalid(dev && `"${key}" is not a list`);
      const length = ownValue(list, 'length') as number;
      const out: string[] = [];
      for (let index = 0; index < length; index += 1) {
        const item = ownValue(list, String(index));
        if (typeof item !== 'string') throw invalid(dev && `"${key}[${index}]" is not a string`);
        out.push(item);
      }
      return freeze(out) as string[];
    };
    const text = (key: string, nullable?: boolean): string | null => {
      const item = read(key);
      if ((item !== null || !nullable) && (typeof item !== 'string' || item === '')) {
        throw invalid(dev && `"${key}" is not a non-empty string${nullable ? ' or null' : ''}`);
      }
      return item as string | null;
    };
    const id = text('id') as string;
    const link = text('link') as string;
    const created = text('created') as string;
    // Dots sends naive (`2024-07-11T21:10:30.846081`) and zoned timestamps: kept as the string Dots sent.
    const metadata = read('metadata');
    if (metadata !== null && typeof metadata !== 'string' && !isPlainRecord(metadata)) {
      throw invalid(dev && '"metadata" is neither a string, an object nor null');
    }
    return freeze({
      id,
      created,
      user_id: text('user_id', true),
      steps: strings('steps'),
      completed_steps: strings('completed_steps', []),
      link,
      // A JSON round trip is the whole copy: plain data only, "__proto__" stays an own key, cycles throw.
      metadata: isPlainRecord(metadata) ? (freeze(JSON.parse(JSON.stringify(metadata))) as FlowMetadata) : metadata,
      payout_link_id: text('payout_link_id', true),
    });
  } catch (error) {
    throw error instanceof DotsFlowError ? error : invalid(dev && 'the answer could not be read', error);
  }
}

function invalid(reason: string | false, cause?: unknown): DotsFlowError {
  return new DotsFlowError(
    'invalid_response',
    process.env.NODE_ENV !== 'production'
      ? `The flow endpoint answered with something that is not a Dots flow: ${reason}. ` +
          'It must answer with the flow object Dots returns from POST /api/v2/flows, unchanged.'
      : '',
    { cause },
  );
}
