// Half-filled forms kept in the `drafts` table as the user types, so a closed window or a dead
// laptop loses nothing. IndexedDB stores Blobs, so pending photos travel inside the draft data.
import type { Draft } from '../../../../shared/domain/records';
import { ledgerDb } from '../../db/db';

export const visitDraftKey = {
  forNew: (enterpriseId: string) => `visit:new:${enterpriseId}`,
  forEdit: (visitId: string) => `visit:edit:${visitId}`,
};

export async function saveDraft(key: string, data: unknown, now: Date = new Date()): Promise<Draft> {
  const draft: Draft = { key, updatedAt: now.toISOString(), data };
  await ledgerDb().drafts.put(draft);
  return draft;
}

export async function loadDraft(key: string): Promise<Draft | undefined> {
  return ledgerDb().drafts.get(key);
}

export async function deleteDraft(key: string): Promise<void> {
  await ledgerDb().drafts.delete(key);
}

export interface DraftSaver {
  /** Ask for a save; it happens `delayMs` after the last call (typing resets the wait). */
  schedule(): void;
  /** Save now if a save is pending (the window is hiding or closing). */
  flush(): Promise<void>;
  /** Forget a pending save (the form was saved or the draft discarded). */
  cancel(): void;
  readonly pending: boolean;
}

/** How the last draft save went, for the line under the form. */
export type DraftSaveOutcome = { saved: true; at: string } | { saved: false; error: unknown };

/**
 * Debounces saves of `read()` under `key`. `read` is called when the save runs, so the draft holds
 * what the form shows at that moment, not when the user started typing. A failed save (a full disk)
 * is reported to `onOutcome`, never thrown into a timer where nobody would see it: the officer must
 * know the draft is not being kept.
 */
export function createDraftSaver(
  key: string,
  read: () => unknown,
  delayMs = 500,
  onOutcome: (outcome: DraftSaveOutcome) => void = () => undefined,
): DraftSaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    timer = undefined;
    try {
      const draft = await saveDraft(key, read());
      onOutcome({ saved: true, at: draft.updatedAt });
    } catch (error) {
      onOutcome({ saved: false, error });
    }
  };
  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    },
    async flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      await run();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
