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
 * Builds the error for a non-2xx answer from Dots: the status, Dots' own message when its body
 * carries one, and a hint. Dots' message is cut short, stripped of control characters and
 * scrubbed of the credentials in case an upstream ever echoes them.
 */
export function describeDotsError(input: {
  method: string;
  path: string;
  status: number;
  text: string;
  secrets: readonly string[];
}): DotsApiError {
  const code = codeForStatus(input.status);
  const raw = messageFromBody(input.text);
  const dotsMessage = raw === undefined ? undefined : clean(redactSecrets(raw, input.secrets));
  const hint = HINTS[code] ?? '';
  const message = `Dots API ${input.method} ${input.path} failed with HTTP ${input.status}${
    dotsMessage ? `: ${dotsMessage}` : ''
  }.${hint ? ` ${hint}` : ''}`;
  return new DotsApiError(code, message, {
    status: input.status,
    ...(dotsMessage === undefined ? {} : { dotsMessage }),
  });
}

const HINTS: Partial<Record<DotsApiError['code'], string>> = {
  unauthorized: 'Check clientId and apiKey, and that they belong to the environment baseUrl points at.',
  bad_request: 'Dots refused the request body; see its message.',
  rate_limited: 'Slow down and retry later.',
  server_error: 'Dots had a problem; retry later.',
};

/** Dots' error bodies are JSON with `message`, `error` or `detail`; anything else is ignored. */
function messageFromBody(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  for (const key of ['message', 'error', 'detail', 'error_description']) {
    const value = Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'message')) {
      const nested = (value as Record<string, unknown>)['message'];
      if (typeof nested === 'string' && nested.trim() !== '') return nested;
    }
  }
  return undefined;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const single = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return single.length > MAX_MESSAGE_LENGTH ? `${single.slice(0, MAX_MESSAGE_LENGTH)}…` : single;
}
