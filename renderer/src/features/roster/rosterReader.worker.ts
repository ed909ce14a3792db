// Reads a roster file off the UI thread: a 50,000-row workbook takes seconds to unzip and parse,
// and the page must keep painting its progress meanwhile. The file arrives as the File the user
// picked (a handle, not its bytes): its size is checked before it is read, and the bytes are read
// here, never on the page. Memory here is bounded by the roster limits (shared/roster/rosterLimits.ts).
import { readRosterBlob, RosterFileError } from '../../../../shared/roster/readRosterFile';

export type RosterReaderRequest = { fileName: string; file: Blob };
export type RosterReaderReply =
  | { ok: true; sheet: Awaited<ReturnType<typeof readRosterBlob>> }
  | { ok: false; message: string; expected: boolean };

self.onmessage = async (event: MessageEvent<RosterReaderRequest>) => {
  const { fileName, file } = event.data;
  let reply: RosterReaderReply;
  try {
    reply = { ok: true, sheet: await readRosterBlob(fileName, file) };
  } catch (error) {
    reply = {
      ok: false,
      expected: error instanceof RosterFileError,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  (self as unknown as Worker).postMessage(reply);
};
