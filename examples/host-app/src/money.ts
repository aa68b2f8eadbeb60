const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Cents as dollars, e.g. `2500` → `$25.00`. */
export function formatMoney(cents: number): string {
  return usd.format(cents / 100);
}

/** Cents with a sign, for history lines: `+$25.00`, `−$10.00`. */
export function formatSignedMoney(cents: number): string {
  return `${cents < 0 ? '−' : '+'}${usd.format(Math.abs(cents) / 100)}`;
}

/** Dots' naive timestamps are UTC. */
export function formatWhen(created: string): string {
  const at = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(created) ? created : `${created}Z`);
  return Number.isNaN(at.getTime())
    ? created
    : at.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** Dollars typed by a person ("25", "25.5", "$25.00") as cents, or `null`. */
export function parseDollars(input: string): number | null {
  const match = /^\s*\$?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
