// Keeps a form's draft saved while the user types: debounced, and flushed at once when the window
// is hidden (laptop lid, switching apps), about to unload, or the form leaves the screen.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createDraftSaver, deleteDraft, type DraftSaveOutcome, type DraftSaver } from './draftStore';

export interface DraftAutosave {
  /** Call on every change the user makes. */
  changed(): void;
  /** The form was saved or the draft discarded: stop saving and remove the stored draft. */
  discard(): Promise<void>;
  flush(): Promise<void>;
  /** How the last save went (undefined before the first one). */
  outcome: DraftSaveOutcome | undefined;
}

export function useDraftAutosave(key: string, read: () => unknown, enabled: boolean, delayMs = 500): DraftAutosave {
  const readRef = useRef(read);
  const enabledRef = useRef(enabled);
  const saverRef = useRef<DraftSaver | null>(null);
  const [outcome, setOutcome] = useState<DraftSaveOutcome>();
  useEffect(() => {
    readRef.current = read;
    enabledRef.current = enabled;
  });

  useEffect(() => {
    const saver = createDraftSaver(key, () => readRef.current(), delayMs, setOutcome);
    saverRef.current = saver;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const onUnload = () => void saver.flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onUnload);
      // Leaving the form (navigation) keeps what was typed.
      void saver.flush();
      if (saverRef.current === saver) saverRef.current = null;
    };
  }, [key, delayMs]);

  return useMemo(
    () => ({
      changed() {
        if (enabledRef.current) saverRef.current?.schedule();
      },
      async discard() {
        saverRef.current?.cancel();
        await deleteDraft(key);
        setOutcome(undefined);
      },
      async flush() {
        await saverRef.current?.flush();
      },
      outcome,
    }),
    [key, outcome],
  );
}
