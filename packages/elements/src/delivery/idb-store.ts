/**
 * `persist: 'indexeddb'`: unacknowledged deliveries kept in this origin's IndexedDB, so a result
 * survives a reload or a closed tab and is sent on the next page load of the same origin.
 *
 * NOT encrypted at rest: the record is the result JSON as posted (answers, scores, risk), readable
 * by anything that can read this origin's storage on this device (its scripts, someone with the
 * unlocked device and developer tools, a disk image). Encrypting it with a key kept beside it in
 * the same origin would not change who can read it, so we do not pretend to. Each record is
 * deleted the moment its delivery is acknowledged or refused, and dropped unsent after
 * `persistFor` (7 days by default). Personal devices only: kiosk mode never opens this database.
 *
 * Loaded lazily by the outbox, only when asked for.
 */
import type { DeliveryStore, StoredDelivery } from './types.js';

/** The database and object store names (one record per endpoint and key). */
export const DELIVERY_DATABASE = 'pmh-screen-delivery';
const STORE = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(name: string, onClose: () => void): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(STORE, { keyPath: ['endpoint', 'key'] });
  };
  return request(req).then((db) => {
    // Let another page (or a deleteDatabase) upgrade or remove it; the next use opens it again.
    db.onversionchange = () => {
      db.close();
      onClose();
    };
    return db;
  });
}

/** Runs `use` in one transaction and resolves when it has committed. */
async function inTransaction<T>(db: IDBDatabase, mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const tx = db.transaction(STORE, mode);
  const result = request(use(tx.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  return result;
}

/** A {@link DeliveryStore} in IndexedDB (database {@link DELIVERY_DATABASE} unless named). */
export function indexedDbStore(name: string = DELIVERY_DATABASE): DeliveryStore {
  let db: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> =>
    (db ??= open(name, () => {
      db = undefined;
    }).catch((error: unknown) => {
      db = undefined; // try again next time
      throw error;
    }));
  return {
    async load(endpoint) {
      const all = await inTransaction(await database(), 'readonly', (s) => s.getAll() as IDBRequest<StoredDelivery[]>);
      return all.filter((record) => record.endpoint === endpoint);
    },
    async save(record) {
      await inTransaction(await database(), 'readwrite', (s) => s.put({ ...record }));
    },
    async remove(endpoint, key) {
      await inTransaction(await database(), 'readwrite', (s) => s.delete([endpoint, key]));
    },
  };
}
