// Runs readRosterFile in a Web Worker; where a worker cannot start (an unusual shell), reads on the
// page instead — slower to paint, same result.
import { readRosterFile, RosterFileError, type RosterSheet } from '../../../../shared/roster/readRosterFile';
import type { RosterReaderReply } from './rosterReader.worker';

export function readRosterInBackground(fileName: string, data: Uint8Array): Promise<RosterSheet> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./rosterReader.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readRosterFile(fileName, data);
  }
  return new Promise<RosterSheet>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<RosterReaderReply>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.ok) resolve(reply.sheet);
      else reject(reply.expected ? new RosterFileError(reply.message) : new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      event.preventDefault();
      // The worker itself failed to load: fall back to reading here.
      readRosterFile(fileName, data).then(resolve, reject);
    };
    worker.postMessage({ fileName, data }); // copied, not transferred: the fallback may still need it
  });
}
