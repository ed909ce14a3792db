// STUB: the reports work fills this with the streaming-export channels it adds to shared/ipc.ts.
export const exportHandlers = {};
