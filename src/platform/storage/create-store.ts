// The configured file store: a folder on disk unless an object store is configured.
import type { FilesConfig } from '../../config.js';
import type { FileStore } from './file-store.js';
import { LocalFileStore } from './local-store.js';
import { S3FileStore } from './s3-store.js';

export function createFileStore(config: FilesConfig): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new LocalFileStore(config.dir);
}
