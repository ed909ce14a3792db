// Reads a roster file off the UI thread: a 50,000-row workbook takes seconds to unzip and parse,
// and the page must keep painting its progress meanwhile.
import { readRosterFile, RosterFileError } from '../../../../shared/roster/readRosterFile';

export type RosterReaderRequest = { fileName: string; data: Uint8Array };
export type RosterReaderReply =
  | { ok: true; sheet: Awaited<ReturnType<typeof readRosterFile>> }
  | { ok: false; message: string; expected: boolean };

self.onmessage = async (event: MessageEvent<RosterReaderRequest>) => {
  const { fileName, data } = event.data;
  let reply: RosterReaderReply;
  try {
    reply = { ok: true, sheet: await readRosterFile(fileName, data) };
  } catch (error) {
    reply = {
      ok: false,
      expected: error instanceof RosterFileError,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  (self as unknown as Worker).postMessage(reply);
};
