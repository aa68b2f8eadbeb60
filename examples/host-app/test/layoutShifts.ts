// Layout shifts as Chromium reports them (the Layout Instability API), from the page and from every frame in it,
// scored the way Core Web Vitals scores CLS: shifts within 500 ms of input do not count; the rest are grouped in
// session windows (under 1 s apart, at most 5 s long) and the largest window is the score.
import type { Page } from 'playwright';

export interface LayoutShift {
  /** The document's URL when the shift happened: the app's pages, or a Dots frame's page. */
  url: string;
  top: boolean;
  startTime: number;
  value: number;
  hadRecentInput: boolean;
  /** What moved, e.g. `FOOTER.foot 725→686` (y before → after, in CSS px). */
  sources: string[];
}

/** The Layout Instability API's entry (not in TypeScript's DOM types yet). */
interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources?: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

declare global {
  interface Window {
    __recordLayoutShift?: (shift: LayoutShift) => void;
    __recordDocument?: (document: { url: string; top: boolean }) => void;
  }
}

export interface LayoutShiftRecord {
  /** Every document observed (also those that never shifted). */
  documents: { url: string; top: boolean }[];
  shifts: LayoutShift[];
}

/** Records every layout shift of `page` and its frames from their first paint on; read them from the record. */
export async function recordLayoutShifts(page: Page): Promise<LayoutShiftRecord> {
  const record: LayoutShiftRecord = { documents: [], shifts: [] };
  await page.exposeFunction('__recordLayoutShift', (shift: LayoutShift) => void record.shifts.push(shift));
  await page.exposeFunction('__recordDocument', (document: { url: string; top: boolean }) => {
    record.documents.push(document);
  });
  await page.addInitScript(() => {
    window.__recordDocument?.({ url: location.href, top: window === window.top });
    const describe = (node: Node | null) =>
      node instanceof Element ? `${node.localName}${node.className ? `.${String(node.className)}` : ''}` : '#text';
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShiftEntry[]) {
        window.__recordLayoutShift?.({
          url: location.href,
          top: window === window.top,
          startTime: Math.round(entry.startTime),
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          sources: (entry.sources ?? []).map(
            (s) =>
              `${describe(s.node)} ${(s.node?.textContent ?? '').trim().slice(0, 24)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`,
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return record;
}

/** CLS of one document's shifts: the largest session window of shifts without recent input. */
export function cumulativeLayoutShift(shifts: readonly LayoutShift[]): number {
  let largest = 0;
  let window = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const shift of shifts) {
    if (shift.hadRecentInput) continue;
    if (shift.startTime - last < 1000 && shift.startTime - first < 5000) {
      window += shift.value;
    } else {
      window = shift.value;
      first = shift.startTime;
    }
    last = shift.startTime;
    largest = Math.max(largest, window);
  }
  return largest;
}

/** One line per shift, for a failure message a person can act on. */
export const describeShifts = (shifts: readonly LayoutShift[]) =>
  shifts
    .map((s) => `${s.startTime} ms ${s.value.toFixed(4)}${s.hadRecentInput ? ' (input)' : ''} ${s.sources.join(', ')}`)
    .join('\n');
