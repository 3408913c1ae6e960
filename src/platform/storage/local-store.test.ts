import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { type FileStore, newFileKey } from './file-store.js';
import { LocalFileStore } from './local-store.js';

describe('LocalFileStore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-local-store-'));
  const store: FileStore = new LocalFileStore(dir);
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Every file under the folder, relative to it. */
  const files = () =>
    (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());

  test('put, get and delete a file; it lives two folders down, readable only by the server', async () => {
    const key = newFileKey();
    const bytes = Buffer.from('%PDF-1.7 contenido');
    await store.put(key, bytes, 'application/pdf');
    assert.deepEqual(await store.get(key), bytes);
    const where = path.join(dir, key.slice(0, 2), key.slice(2, 4), key);
    assert.ok(fs.existsSync(where));
    assert.equal(fs.statSync(where).mode & 0o777, 0o600);
    assert.ok(!files().some((f) => f.endsWith('.part')), 'no half-written file is left behind');
    await store.delete(key);
    assert.equal(await store.get(key), null);
  });

  test('a missing key reads as null and deletes without error', async () => {
    const key = newFileKey();
    assert.equal(await store.get(key), null);
    await store.delete(key);
  });

  test('keys that are not ours (paths, dots, short or odd ones) are refused before touching the disk', async () => {
    const outside = path.join(dir, '..', 'turnero-local-store-escape');
    for (const key of [
      '../../etc/passwd',
      '../turnero-local-store-escape',
      'abc/defghijklmnopqrs',
      'corta',
      '',
      'a.b.c.d.e.f.g.h.i.j',
    ]) {
      await assert.rejects(store.put(key, Buffer.from('x'), 'image/png'), /invalid file key/, key);
      await assert.rejects(store.get(key), /invalid file key/, key);
      await assert.rejects(store.delete(key), /invalid file key/, key);
    }
    assert.equal(fs.existsSync(outside), false);
  });

  test('fresh keys are random, and valid for every store', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newFileKey()));
    assert.equal(keys.size, 200);
    for (const key of keys) assert.match(key, /^[\w-]{16,64}$/);
  });
});
