import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** One callback a DotsFlow on this page called. */
export interface CallbackEntry {
  seq: number;
  at: string;
  callback: 'onStepComplete' | 'onComplete';
  flowId: string;
  step?: string;
  status?: string;
}

interface CallbackLog {
  entries: CallbackEntry[];
  record(entry: Omit<CallbackEntry, 'seq' | 'at'>): void;
  clear(): void;
}

const CallbackLogContext = createContext<CallbackLog | null>(null);

export function CallbackLogProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<CallbackEntry[]>([]);
  const record = useCallback((entry: Omit<CallbackEntry, 'seq' | 'at'>) => {
    const at = new Date().toISOString();
    setEntries((list) => [...list, { ...entry, seq: list.length + 1, at }]);
  }, []);
  const clear = useCallback(() => setEntries([]), []);
  const value = useMemo(() => ({ entries, record, clear }), [entries, record, clear]);
  return <CallbackLogContext.Provider value={value}>{children}</CallbackLogContext.Provider>;
}

export function useCallbackLog(): CallbackLog {
  const log = useContext(CallbackLogContext);
  if (!log) throw new Error('useCallbackLog needs a <CallbackLogProvider> above it.');
  return log;
}
