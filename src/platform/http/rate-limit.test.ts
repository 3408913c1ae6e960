import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/test-db.js';
import { clearRateLimit, hitRateLimit, refundRateLimit } from './rate-limit.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0);
const RULE = { limit: 3, windowMs: 60_000 };

for (const dialect of testDialects()) {
  describe(`rate limits (${dialect})`, () => {
    let testDb: TestDatabase;
    before(async () => {
      testDb = await createTestDatabase(dialect);
    });
    after(() => testDb.drop());

    test('allows the limit, refuses the next with the seconds left, opens a new window after it', async () => {
      const db = testDb.database.db;
      for (let i = 0; i < 3; i++) assert.equal((await hitRateLimit(db, 'k1', RULE, NOW + i)).allowed, true);
      const refused = await hitRateLimit(db, 'k1', RULE, NOW + 20_000);
      assert.deepEqual(refused, { allowed: false, retryAfterSeconds: 40 });
      assert.equal((await hitRateLimit(db, 'k2', RULE, NOW + 20_000)).allowed, true, 'keys are independent');
      assert.equal((await hitRateLimit(db, 'k1', RULE, NOW + 60_000)).allowed, true);
    });

    test('concurrent hits are all counted', async () => {
      const db = testDb.database.db;
      const verdicts = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit(db, 'burst', RULE, NOW)));
      assert.equal(verdicts.filter((v) => v.allowed).length, 3);
    });

    test('clearing forgets the failures', async () => {
      const db = testDb.database.db;
      for (let i = 0; i < 4; i++) await hitRateLimit(db, 'k3', RULE, NOW);
      await clearRateLimit(db, 'k3');
      assert.equal((await hitRateLimit(db, 'k3', RULE, NOW)).allowed, true);
    });

    test('a refund gives back one attempt, and never goes below none', async () => {
      const db = testDb.database.db;
      for (let i = 0; i < 3; i++) await hitRateLimit(db, 'k4', RULE, NOW);
      await refundRateLimit(db, 'k4');
      assert.equal((await hitRateLimit(db, 'k4', RULE, NOW)).allowed, true);
      assert.equal((await hitRateLimit(db, 'k4', RULE, NOW)).allowed, false);
      await refundRateLimit(db, 'missing');
      for (let i = 0; i < 6; i++) await refundRateLimit(db, 'k4');
      const row = await db.selectFrom('rateLimits').select('hits').where('key', '=', 'k4').executeTakeFirstOrThrow();
      assert.equal(row.hits, 0);
    });
  });
}
