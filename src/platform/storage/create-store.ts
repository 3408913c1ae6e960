// The configured file store: a folder on disk unless an object store is configured.
import type { FilesConfig } from '../../config.js';
import type { FileStore } from './file-store.js';
import { LocalFileStore } from './local-store.js';

export function createFileStore(config: FilesConfig): FileStore {
  return new LocalFileStore(config.dir);
}
