import { DotsFlowError } from './DotsFlowError.js';
import { isPlainRecord, ownValue } from './ownValue.js';
import type { Flow } from './types.js';

/**
 * Validates a flow endpoint's answer into a fresh, frozen `Flow` (the input is read field by field,
 * never spread). `completed_steps` defaults to `[]`, a missing `user_id` or `metadata` to `null`.
 * Throws `DotsFlowError('invalid_response')` naming the first bad field.
 */
export function parseFlow(value: unknown): Flow {
  try {
    if (!isPlainRecord(value)) throw invalid('the answer is not a JSON object');
    const id = ownValue(value, 'id');
    if (typeof id !== 'string' || id === '') throw invalid('"id" is not a non-empty string');
    const link = ownValue(value, 'link');
    if (typeof link !== 'string') throw invalid('"link" is not a string');
    const created = ownValue(value, 'created');
    if (typeof created !== 'string') throw invalid('"created" is not a string');
    const userId = ownValue(value, 'user_id') ?? null;
    if (userId !== null && typeof userId !== 'string') throw invalid('"user_id" is neither a string nor null');
    return Object.freeze({
      id,
      created,
      user_id: userId,
      steps: stringList(ownValue(value, 'steps'), 'steps'),
      completed_steps: stringList(ownValue(value, 'completed_steps') ?? [], 'completed_steps'),
      link,
      metadata: metadataOf(ownValue(value, 'metadata') ?? null),
    });
  } catch (error) {
    if (error instanceof DotsFlowError) throw error;
    throw invalid('the answer could not be read', error);
  }
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw invalid(`"${field}" is not a list`);
  const length = ownValue(value, 'length') as number;
  const list: string[] = [];
  for (let index = 0; index < length; index += 1) {
    const item = ownValue(value, String(index));
    if (typeof item !== 'string') throw invalid(`"${field}[${index}]" is not a string`);
    list.push(item);
  }
  return Object.freeze(list) as string[];
}

function metadataOf(value: unknown): Record<string, string> | null {
  if (value === null) return null;
  if (!isPlainRecord(value)) throw invalid('"metadata" is neither an object nor null');
  const entries = Object.keys(value).map((key) => {
    const item = ownValue(value, key);
    if (typeof item !== 'string') throw invalid(`"metadata.${key}" is not a string`);
    return [key, item] as const;
  });
  // fromEntries defines own properties, so even a "__proto__" key stays plain data.
  return Object.freeze(Object.fromEntries(entries));
}

function invalid(reason: string, cause?: unknown): DotsFlowError {
  return new DotsFlowError(
    'invalid_response',
    process.env.NODE_ENV !== 'production'
      ? `The flow endpoint answered with something that is not a Dots flow: ${reason}. ` +
          'It must answer with the flow object Dots returns from POST /api/v2/flows, unchanged.'
      : '',
    cause === undefined ? undefined : { cause },
  );
}
