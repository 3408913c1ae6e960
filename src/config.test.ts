import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';
import { createFileStore } from './platform/storage/create-store.js';
import { LocalFileStore } from './platform/storage/local-store.js';
import { S3FileStore } from './platform/storage/s3-store.js';

/** Runs loadConfig expecting it to refuse, and hands back the error to inspect. */
function rejected(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    return e;
  }
  assert.fail('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  test('an empty environment gives the documented defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '0.0.0.0');
    assert.deepEqual(config.database, { dialect: 'sqlite', location: './data/turnero.db' });
    assert.equal(config.demo, true);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.trustProxy, false);
    // Frozen so no module can change the configuration behind the others' backs.
    assert.ok(Object.isFrozen(config));
  });

  test('empty strings count as "not set", as a blank line in an .env file does', () => {
    const config = loadConfig({ PORT: '', TURNERO_DEMO: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.demo, true);
  });

  test('values that are set are used', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TURNERO_DEMO: 'false',
      TRUST_PROXY: 'sí',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.demo, false);
    assert.equal(config.trustProxy, true);
  });

  test('postgres:// and postgresql:// URLs select PostgreSQL, keeping the URL', () => {
    for (const url of ['postgres://turnero:secret@db:5432/turnero', 'postgresql://db/turnero?sslmode=require']) {
      assert.deepEqual(loadConfig({ DATABASE_URL: url }).database, { dialect: 'postgres', location: url });
    }
  });

  test('sqlite: URLs select SQLite with relative, absolute and in-memory locations', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite:./x.db' }).database, { dialect: 'sqlite', location: './x.db' });
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite:///var/lib/turnero.db' }).database, {
      dialect: 'sqlite',
      location: '/var/lib/turnero.db',
    });
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite:' }).database, { dialect: 'sqlite', location: ':memory:' });
  });

  test('every problem is reported at once, each naming its variable and the value received', () => {
    const error = rejected({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', TURNERO_DEMO: 'maybe' });
    assert.equal(error.problems.length, 4, error.message);
    const byVariable = new Map(error.problems.map((p) => [p.slice(0, p.indexOf(':')), p]));
    assert.deepEqual([...byVariable.keys()].sort(), ['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TURNERO_DEMO']);
    assert.match(byVariable.get('PORT') ?? '', /entero.*abc/);
    assert.match(byVariable.get('LOG_LEVEL') ?? '', /info.*loud/);
    assert.match(byVariable.get('DATABASE_URL') ?? '', /sqlite: o postgres:\/\/.*empieza con: mysql:/);
    assert.match(byVariable.get('TURNERO_DEMO') ?? '', /true o false.*maybe/);
    // The operator reads error.message in the log: all four must be in it, one per line.
    for (const problem of error.problems) assert.ok(error.message.includes(problem), problem);
    assert.match(error.message, /^Configuración inválida/);
  });

  test('out-of-range numbers are refused, not clamped', () => {
    assert.match(rejected({ PORT: '70000' }).problems[0] ?? '', /^PORT: .*70000/);
    assert.match(rejected({ PORT: '80.5' }).problems[0] ?? '', /^PORT: /);
    assert.match(rejected({ DATABASE_POOL_SIZE: '0' }).problems[0] ?? '', /^DATABASE_POOL_SIZE: /);
  });

  describe('file storage', () => {
    const s3 = {
      S3_ENDPOINT: 'https://minio.centro.local:9000/',
      S3_BUCKET: 'turnero-archivos',
      S3_ACCESS_KEY_ID: 'turnero',
      S3_SECRET_ACCESS_KEY: 'una-clave-secreta',
    };

    test('without S3 variables, files go to FILES_DIR (./data/files by default)', () => {
      const config = loadConfig({ UPLOAD_MAX_MB: '5' });
      assert.deepEqual(config.files, { dir: './data/files', s3: null });
      assert.equal(config.web.uploadMaxBytes, 5 * 1024 * 1024);
      assert.ok(createFileStore(config.files) instanceof LocalFileStore);
    });

    test('with all of them, an S3 bucket (region us-east-1 unless given; no trailing slash)', () => {
      const config = loadConfig(s3);
      assert.deepEqual(config.files.s3, {
        endpoint: 'https://minio.centro.local:9000',
        bucket: 'turnero-archivos',
        region: 'us-east-1',
        accessKeyId: 'turnero',
        secretAccessKey: 'una-clave-secreta',
      });
      assert.equal(loadConfig({ ...s3, S3_REGION: 'sa-east-1' }).files.s3?.region, 'sa-east-1');
      assert.ok(createFileStore(config.files) instanceof S3FileStore);
    });

    test('some but not all: one problem naming what is missing, listed with the others', () => {
      const error = rejected({ S3_ENDPOINT: s3.S3_ENDPOINT, S3_BUCKET: s3.S3_BUCKET, PORT: 'x' });
      assert.equal(error.problems.length, 2, error.message);
      const problem = error.problems.find((p) => p.startsWith('S3:')) ?? '';
      assert.match(problem, /falta S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY \(está S3_ENDPOINT, S3_BUCKET\)/);
      assert.match(problem, /S3_REGION es opcional/);
      assert.ok(error.problems.some((p) => p.startsWith('PORT: ')));
    });

    test('a malformed endpoint, bucket or region is refused, each by name', () => {
      const error = rejected({ ...s3, S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'Mi_Bucket', S3_REGION: 'São Paulo' });
      assert.deepEqual(error.problems.map((p) => p.slice(0, p.indexOf(':'))).sort(), [
        'S3_BUCKET',
        'S3_ENDPOINT',
        'S3_REGION',
      ]);
      assert.match(error.message, /http:\/\/ o https:\/\//);
    });
  });
});
