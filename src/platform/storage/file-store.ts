// Where uploaded files live: never under the web root, never named by what the uploader sent.
import { randomToken } from '../secrets.js';

export interface FileStore {
  /** Stores the bytes under a key made by newFileKey (replacing nothing: keys are never reused). */
  put(key: string, bytes: Buffer, mediaType: string): Promise<void>;
  /** The bytes, or null when the key has nothing (deleted, or a store emptied by hand). */
  get(key: string): Promise<Buffer | null>;
  /** Removes the file; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh random key: 128 bits in base64url, safe as a file name and as an S3 object name. */
export function newFileKey(): string {
  return randomToken(16);
}

/** Keys are only ever ours: anything else (a path, a dot) is refused before touching the store. */
export function assertFileKey(key: string): void {
  if (!/^[\w-]{16,64}$/.test(key)) throw new Error(`invalid file key: ${JSON.stringify(key)}`);
}
