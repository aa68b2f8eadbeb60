import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppearance } from './createAppearance.js';
import { flowLinkWithAppearance, type Appearance } from './appearance.js';
import { isDotsFlowError } from './DotsFlowError.js';

const LINK = 'https://my-sandbox.dots.dev/flow/0c2a0f8e-1d3b-4b55-9f2a-5d8e7c6b4a39';

function stylesOf(href: string): unknown {
  const raw = /[?&]styles=([^&#]*)/.exec(href)?.[1];
  return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
}

const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
afterEach(() => warn.mockClear());

function invalidRequest(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(isDotsFlowError(error) && error.code).toBe('invalid_request');
    return (error as Error).message;
  }
  throw new Error('expected createAppearance to throw');
}

describe('createAppearance', () => {
  it("apply() adds Dots' ?styles= exactly as flowLinkWithAppearance does, keeping origin, query and fragment", () => {
    const given: Appearance = { theme: 'dark', variables: { backgroundColor: '#0d1117', borderRadius: '8px' } };
    const appearance = createAppearance(given);
    expect(appearance.apply(LINK)).toBe(flowLinkWithAppearance(LINK, given));
    const href = appearance.apply(`${LINK}?lang=en#top`);
    expect(href).toMatch(/\?lang=en&styles=[^#]+#top$/);
    expect(stylesOf(href)).toEqual(given);
    expect(new URL(href).origin).toBe('https://my-sandbox.dots.dev');
  });

  it("frame() gives a frame's props the styled link and the colour scheme, keeping everything else", () => {
    const ref = () => undefined;
    const props = { ref, src: LINK, title: 'Dots payout flow', style: { height: 320, border: 0 } };
    const framed = createAppearance({ theme: 'dark' }).frame(props);
    expect(framed).toEqual({
      ...props,
      src: createAppearance({ theme: 'dark' }).apply(LINK),
      style: { ...props.style, colorScheme: 'dark' },
    });
    expect(framed.ref).toBe(ref);
    expect(props.src).toBe(LINK);
    expect(createAppearance({}).frame({ src: LINK, style: {} }).style).toEqual({ colorScheme: undefined });
  });

  it('gives the frame its colour scheme, and only for a theme Dots knows', () => {
    expect(createAppearance({ theme: 'dark' }).colorScheme).toBe('dark');
    expect(createAppearance({ theme: 'light' }).colorScheme).toBe('light');
    expect(createAppearance({}).colorScheme).toBeUndefined();
    expect(createAppearance({ theme: 'neon' } as never).colorScheme).toBeUndefined();
  });

  it('maps the variables to the wrapper UI: accent, its text, border, radius, text and background', () => {
    const { style } = createAppearance({
      theme: 'dark',
      variables: {
        backgroundColor: '#0b0b0f',
        primaryTextColor: 'rgb(240, 240, 240)',
        primaryColor: '#ff0000',
        buttonBackgroundColor: '#c88bc4',
        buttonTextColor: '#111111',
        tabBorderColor: '#222222',
        inputBorderColor: '#333333',
        borderRadius: ' 10px ',
      },
    });
    expect(style).toEqual({
      colorScheme: 'dark',
      color: 'rgb(240, 240, 240)',
      backgroundColor: '#0b0b0f',
      '--dots-flow-accent': '#c88bc4',
      '--dots-flow-accent-fg': '#111111',
      '--dots-flow-border': '#333333',
      '--dots-flow-radius': '10px',
    });
    // Without a button colour the primary colour is the accent; without a theme nothing is set for it.
    expect(createAppearance({ variables: { primaryColor: '#ff0000', tabBorderColor: '#222' } }).style).toEqual({
      '--dots-flow-accent': '#ff0000',
      '--dots-flow-border': '#222',
    });
  });

  it("themes the wrapper with the browser's own colours when only a theme is given", () => {
    expect(createAppearance({ theme: 'dark' }).style).toEqual({
      colorScheme: 'dark',
      color: 'CanvasText',
      backgroundColor: 'Canvas',
    });
    expect(createAppearance({}).style).toEqual({});
  });

  it('is frozen, and a later change to the given object changes nothing', () => {
    const given = { theme: 'dark' as const, variables: { primaryColor: '#ff0000' } };
    const appearance = createAppearance(given);
    expect(Object.isFrozen(appearance)).toBe(true);
    expect(Object.isFrozen(appearance.style)).toBe(true);
    given.variables.primaryColor = '#00ff00';
    (given as { theme: string }).theme = 'light';
    expect(stylesOf(appearance.apply(LINK))).toEqual({ theme: 'dark', variables: { primaryColor: '#ff0000' } });
    expect(appearance.style['--dots-flow-accent']).toBe('#ff0000');
  });

  it.each([
    ['a declaration break', 'red; background: url(https://evil.example/x.png)'],
    ['a closing quote and paren', '"); background:url('],
    ['a rule break', 'red} body{display:none'],
    ['url()', 'url(https://evil.example/x.png)'],
    ['var()', 'var(--secret)'],
    ['a comment', 'red/**/'],
    ['expression()', 'expression(alert(1))'],
    ['an overlong value', `#${'a'.repeat(80)}`],
    ['an empty string', '  '],
    ['a number', 12],
    ['an object', { toString: () => 'red' }],
    ['null', null],
  ])('drops %s from the wrapper style and from the link, with a dev warning', (_name, value) => {
    const appearance = createAppearance({
      theme: 'dark',
      variables: { backgroundColor: value, buttonBackgroundColor: '#c88bc4' },
    } as never);
    expect(appearance.style['backgroundColor']).toBe('Canvas');
    expect(Object.values(appearance.style).join(' ')).not.toMatch(/url|var\(|[;{}"]|expression/);
    expect(stylesOf(appearance.apply(LINK))).toEqual({
      theme: 'dark',
      variables: { buttonBackgroundColor: '#c88bc4' },
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('backgroundColor');
  });

  it('never runs a getter among the variables', () => {
    const read = vi.fn(() => '#ff0000');
    const variables = Object.defineProperty({ borderRadius: '4px' }, 'primaryColor', { get: read, enumerable: true });
    const appearance = createAppearance({ variables } as Appearance);
    expect(read).not.toHaveBeenCalled();
    expect(appearance.style).toEqual({ '--dots-flow-radius': '4px' });
  });

  it('passes unknown themes and variables on to Dots (they may be newer than this list) with one dev warning', () => {
    const appearance = createAppearance({ theme: 'neon', variables: { bgColor: '#ffffff' } } as never);
    expect(stylesOf(appearance.apply(LINK))).toEqual({ theme: 'neon', variables: { bgColor: '#ffffff' } });
    expect(appearance.style).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('bgColor');
    // Applying it, however often, warns no more.
    appearance.apply(LINK);
    appearance.apply(LINK);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('keeps a __proto__ variable a plain (unknown) name, never a prototype', () => {
    const variables = JSON.parse('{"__proto__": "#ffffff", "primaryColor": "#000000"}') as Appearance['variables'];
    const appearance = createAppearance({ variables });
    expect(stylesOf(appearance.apply(LINK))).toEqual(
      JSON.parse('{"variables": {"__proto__": "#ffffff", "primaryColor": "#000000"}}'),
    );
    expect(({} as Record<string, unknown>)['primaryColor']).toBeUndefined();
  });

  it('keeps hostile values inside the parameter: the origin and the other parameters stay', () => {
    const url = new URL(createAppearance({ theme: 'dark&x=1#@evil.com/' as never }).apply(LINK));
    expect(url.origin).toBe('https://my-sandbox.dots.dev');
    expect(url.search.startsWith('?styles=')).toBe(true);
    expect(url.search.split('&')).toHaveLength(1);
    expect(url.hash).toBe('');
  });

  it.each([
    ['null', null, 'got null'],
    ['a string', 'dark', 'got string'],
    ['an array', [], 'got object'],
    ['a theme that is not a string', { theme: 1 }, 'theme is a number'],
    ['variables that are not an object', { variables: ['red'] }, 'variables must be an object'],
    ['variables as a string', { variables: 'primaryColor: red' }, 'variables must be an object'],
  ])('refuses %s with invalid_request and how to fix it', (_name, given, detail) => {
    const message = invalidRequest(() => createAppearance(given as never));
    expect(message).toContain(detail);
    expect(message).toContain("theme?: 'light' | 'dark'");
  });

  it('refuses a getter for theme or variables without running it', () => {
    const read = vi.fn(() => 'dark');
    const message = invalidRequest(() => createAppearance(Object.defineProperty({}, 'theme', { get: read }) as never));
    expect(read).not.toHaveBeenCalled();
    expect(message).toContain('getter');
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(invalidRequest(() => createAppearance({ variables: proxy } as never))).toContain('could not be read');
  });
});
