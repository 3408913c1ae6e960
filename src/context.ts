import type { WebConfig } from './config.js';
import type { Database } from './platform/db/database.js';
import type { FileStore } from './platform/storage/file-store.js';
import type { Clock } from './platform/time/clock.js';

/** What every use case receives: passed in, never imported as a global. */
export interface AppContext {
  readonly database: Database;
  readonly clock: Clock;
  readonly web: WebConfig;
  /** Uploaded documents and photos. */
  readonly files: FileStore;
  /** SECRETS_KEY: seals stored credentials; absent, a key kept in the database is used. */
  readonly secretsKey?: string | undefined;
}
