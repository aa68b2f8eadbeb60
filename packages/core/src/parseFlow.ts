import { DotsFlowError } from './DotsFlowError.js';
import { isPlainRecord, ownValue } from './ownValue.js';
import type { Flow } from './types.js';

/**
 * Validates a flow endpoint's answer into a fresh, frozen `Flow` (the input is read field by field,
 * never spread). `completed_steps` defaults to `[]`, a missing `user_id` or `metadata` to `null`.
 * Throws `DotsFlowError('invalid_response')` naming the first bad field.
 */
export function parseFlow(value: unknown): Flow {
  // Checked here, not in a shared constant, so bundlers fold it and production builds drop every reason.
  const dev = process.env.NODE_ENV !== 'production';
  try {
    if (!isPlainRecord(value)) throw invalid(dev && 'the answer is not a JSON object');
    const read = (key: string, fallback?: unknown): unknown => ownValue(value, key) ?? fallback;
    const strings = (key: string, list: unknown): string[] => {
      if (!Array.isArray(list)) throw invalid(dev && `"${key}" is not a list`);
      const length = ownValue(list, 'length') as number;
      const out: string[] = [];
      for (let index = 0; index < length; index += 1) {
        const item = ownValue(list, String(index));
        if (typeof item !== 'string') throw invalid(dev && `"${key}[${index}]" is not a string`);
        out.push(item);
      }
      return Object.freeze(out) as string[];
    };
    const id = read('id');
    if (typeof id !== 'string' || id === '') throw invalid(dev && '"id" is not a non-empty string');
    const link = read('link');
    if (typeof link !== 'string') throw invalid(dev && '"link" is not a string');
    const created = read('created');
    if (typeof created !== 'string') throw invalid(dev && '"created" is not a string');
    const userId = read('user_id', null);
    if (userId !== null && typeof userId !== 'string') throw invalid(dev && '"user_id" is neither a string nor null');
    const steps = strings('steps', read('steps'));
    const completedSteps = strings('completed_steps', read('completed_steps', []));
    const metadata = read('metadata', null);
    if (metadata !== null && !isPlainRecord(metadata)) throw invalid(dev && '"metadata" is neither an object nor null');
    return Object.freeze({
      id,
      created,
      user_id: userId,
      steps,
      completed_steps: completedSteps,
      link,
      metadata:
        metadata &&
        // fromEntries defines own properties, so even a "__proto__" key stays plain data.
        Object.freeze(
          Object.fromEntries(
            Object.keys(metadata).map((key) => {
              const item = ownValue(metadata, key);
              if (typeof item !== 'string') throw invalid(dev && `"metadata.${key}" is not a string`);
              return [key, item];
            }),
          ),
        ),
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
