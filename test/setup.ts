// Unit tests run under Node; Dexie gets a real IndexedDB implementation in memory.
import 'fake-indexeddb/auto';
