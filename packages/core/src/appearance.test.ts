import { describe, expect, it, vi } from 'vitest';
import { APPEARANCE_THEMES, APPEARANCE_VARIABLES, flowLinkWithAppearance, mergeAppearance } from './appearance.js';
import type { Appearance } from './appearance.js';

const LINK = 'https://my-sandbox.dots.dev/flow/0c2a0f8e-1d3b-4b55-9f2a-5d8e7c6b4a39';

function stylesOf(href: string): unknown {
  const raw = /[?&]styles=([^&#]*)/.exec(href)?.[1];
  return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
}

describe('appearance', () => {
  it("lists Dots' two themes and 19 variables", () => {
    expect(APPEARANCE_THEMES).toEqual(['light', 'dark']);
    expect(APPEARANCE_VARIABLES).toHaveLength(19);
    expect(new Set(APPEARANCE_VARIABLES).size).toBe(19);
    expect(APPEARANCE_VARIABLES).toContain('buttonDisabledTextColor');
    expect(APPEARANCE_VARIABLES).toContain('borderRadius');
  });

  it("appends Dots' ?styles= parameter as url-encoded JSON and keeps the origin and path", () => {
    const appearance: Appearance = { theme: 'dark', variables: { backgroundColor: '#000000', borderRadius: '8px' } };
    const href = flowLinkWithAppearance(LINK, appearance);
    expect(href.startsWith(`${LINK}?styles=`)).toBe(true);
    // encodeURIComponent, as Dots' guide does it: no raw JSON punctuation and no "+" for spaces.
    expect(href).not.toMatch(/[{}"#\s]/u);
    expect(href).toContain(`styles=${encodeURIComponent(JSON.stringify(appearance))}`);
    expect(stylesOf(href)).toEqual(appearance);
    expect(new URL(href).origin).toBe('https://my-sandbox.dots.dev');
  });

  it('adds to an existing query and leaves a fragment last', () => {
    const href = flowLinkWithAppearance(`${LINK}?lang=en#top`, { theme: 'light' });
    expect(href).toMatch(/\?lang=en&styles=[^#]+#top$/);
    expect(stylesOf(href)).toEqual({ theme: 'light' });
  });

  it('returns the link unchanged without an appearance', () => {
    expect(flowLinkWithAppearance(LINK)).toBe(LINK);
    expect(flowLinkWithAppearance(LINK, undefined)).toBe(LINK);
  });

  it('keeps hostile values inside the parameter: they can never change the origin or add parameters', () => {
    const hostile = { variables: { primaryColor: 'red&x=1#@evil.com/?', borderRadius: '"}' } } as Appearance;
    const url = new URL(flowLinkWithAppearance(LINK, hostile));
    expect(url.origin).toBe('https://my-sandbox.dots.dev');
    expect(url.search.startsWith('?styles=')).toBe(true);
    expect(url.search.split('&')).toHaveLength(1);
    expect(url.hash).toBe('');
    expect(stylesOf(url.href)).toEqual(hostile);
  });

  it('warns in development about unknown themes and variables, and still passes them on', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const href = flowLinkWithAppearance(LINK, { theme: 'blue', variables: { bgColor: '#fff' } } as never);
      expect(stylesOf(href)).toEqual({ theme: 'blue', variables: { bgColor: '#fff' } });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('bgColor');
      flowLinkWithAppearance(LINK, { theme: 'dark', variables: { primaryColor: '#fff' } });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('mergeAppearance lays a flow over the provider: theme wins, variables merge', () => {
    const base: Appearance = { theme: 'light', variables: { primaryColor: '#111', borderRadius: '4px' } };
    expect(mergeAppearance(base, { variables: { borderRadius: '12px' } })).toEqual({
      theme: 'light',
      variables: { primaryColor: '#111', borderRadius: '12px' },
    });
    expect(mergeAppearance(base, { theme: 'dark' })).toEqual({ theme: 'dark', variables: base.variables });
    expect(mergeAppearance(undefined, base)).toBe(base);
    expect(mergeAppearance(base, undefined)).toBe(base);
    expect(mergeAppearance()).toBeUndefined();
  });
});
