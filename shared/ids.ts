// Random, globally unique ids: records from many laptops are merged, so ids never depend on a
// counter or a device. crypto.randomUUID exists in Chromium, Electron and Node 20 alike.
export const newId = (): string => globalThis.crypto.randomUUID();
