import { DotsApiError, codeForStatus } from './DotsApiError.js';

const MAX_MESSAGE_LENGTH = 300;

/** Replaces every occurrence of each secret with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join('[redacted]');
  }
  return result;
}

/**
 * Builds the error for a non-2xx answer from Dots: the status, Dots' own code and message when its body
 * carries them, and a hint. Dots' text is cut short, stripped of control characters and scrubbed of the
 * credentials in case an upstream ever echoes them.
 */
export function describeDotsError(input: {
  method: string;
  path: string;
  status: number;
  text: string;
  secrets: readonly string[];
}): DotsApiError {
  const code = codeForStatus(input.status);
  const body = parseBody(input.text);
  const raw = messageFromBody(body);
  const dotsMessage = raw === undefined ? undefined : clean(redactSecrets(raw, input.secrets));
  const rawCode = codeFromBody(body);
  const dotsCode = rawCode === undefined || redactSecrets(rawCode, input.secrets) !== rawCode ? undefined : rawCode;
  const hint = HINTS[code] ?? '';
  const reason = [dotsCode, dotsMessage].filter(Boolean).join(': ');
  const message = `Dots API ${input.method} ${input.path} failed with HTTP ${input.status}${
    reason ? ` (${reason})` : ''
  }.${hint ? ` ${hint}` : ''}`;
  return new DotsApiError(code, message, {
    status: input.status,
    ...(dotsCode === undefined ? {} : { dotsCode }),
    ...(dotsMessage === undefined ? {} : { dotsMessage }),
  });
}

const HINTS: Partial<Record<DotsApiError['code'], string>> = {
  unauthorized: 'Check clientId and apiKey, and that they belong to the environment baseUrl points at.',
  bad_request: 'Dots refused the request; see its reason.',
  rate_limited: 'Slow down and retry later.',
  server_error: 'Dots had a problem; retry later.',
};

function parseBody(text: string): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

const own = (record: unknown, key: string): unknown =>
  typeof record === 'object' && record !== null && Object.hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

// A machine code such as Dots' `invalid-input` (or the sandbox's `invalid_steps`): one word, no spaces.
const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$/;
const isCode = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 64 && CODE_PATTERN.test(value);

/**
 * Dots does not document the error body of its flows endpoints, so the common shapes are read:
 * `{ error: { code, message } }`, `{ code | error_code, message }` and `{ error: '<code>', message }`.
 */
function codeFromBody(body: Record<string, unknown> | undefined): string | undefined {
  const error = own(body, 'error');
  const candidates = [own(error, 'code'), own(body, 'code'), own(body, 'error_code')];
  // `error` is a code only beside a separate message; alone it is usually the sentence itself.
  if (nonEmpty(own(body, 'message')) || nonEmpty(own(body, 'error_message'))) candidates.push(error);
  return candidates.find(isCode);
}

/** The first non-empty message among `message`, `error`, `error_message`, `detail`, `error_description`. */
function messageFromBody(body: Record<string, unknown> | undefined): string | undefined {
  for (const key of ['message', 'error', 'error_message', 'detail', 'error_description']) {
    const value = own(body, key);
    if (nonEmpty(value) && !(key === 'error' && isCode(value) && codeFromBody(body) === value)) return value;
    const nested = own(value, 'message');
    if (nonEmpty(nested)) return nested;
  }
  return undefined;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const single = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return single.length > MAX_MESSAGE_LENGTH ? `${single.slice(0, MAX_MESSAGE_LENGTH)}…` : single;
}
