// The default file store: a folder on the server's disk (FILES_DIR), outside what the web serves.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertFileKey, type FileStore } from './file-store.js';

export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  /** Two levels of folders from the key, so no folder grows to hundreds of thousands of entries. */
  private pathOf(key: string): string {
    assertFileKey(key);
    return path.join(this.dir, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed: a crash never leaves half a file under the real name.
    const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
    const handle = await fs.open(partial, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(partial, target);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
