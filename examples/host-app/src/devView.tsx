import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

// Remembered per browser, so a developer who turns it on keeps it across reloads; off for everyone else.
const STORAGE_KEY = 'acme-gigs:developer-view';

interface DevView {
  on: boolean;
  setOn(on: boolean): void;
}

const DevViewContext = createContext<DevView | null>(null);

function readStored(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false; // storage blocked: the default
  }
}

/** Whether the developer view (live log, flow ids, server details) is shown. Off by default. */
export function DevViewProvider({ children }: { children: ReactNode }) {
  const [on, setState] = useState(readStored);
  const setOn = useCallback((next: boolean) => {
    setState(next);
    try {
      if (next) window.localStorage.setItem(STORAGE_KEY, 'on');
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Not remembered; still switched for this page.
    }
  }, []);
  const value = useMemo(() => ({ on, setOn }), [on, setOn]);
  return <DevViewContext.Provider value={value}>{children}</DevViewContext.Provider>;
}

export function useDevView(): DevView {
  const view = useContext(DevViewContext);
  if (!view) throw new Error('useDevView needs a <DevViewProvider> above it.');
  return view;
}

/** Children only in the developer view. */
export function DevOnly({ children }: { children: ReactNode }) {
  return useDevView().on ? children : null;
}

/** The switch for the developer view. */
export function DevViewToggle() {
  const { on, setOn } = useDevView();
  return (
    <label className="switch">
      <input type="checkbox" role="switch" checked={on} onChange={(event) => setOn(event.currentTarget.checked)} />
      Developer view
    </label>
  );
}
