/**
 * The body the sandbox sends for `eventType`: `event` naming the type first, then the type's own fields.
 * docs/webhooks.yaml (Send-Dots/dots-docs-v2) gives every `components/schemas/*Webhook` an `event` whose
 * `const` and `default` are the type; that Dots serialises the default is a guess (see README).
 */
export function webhookBody(eventType: string, fields: object): Record<string, unknown> {
  // A caller's own `event` never wins: the type the delivery is sent as is the one it names.
  const { event: _named, ...rest } = fields as Record<string, unknown>;
  return { event: eventType, ...rest };
}
