// Staff users under concurrency and attack: the last admin survives two admins demoting each other at once,
// and the login limits count failures per user (however it is typed) without locking out a shared address.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { AppError } from '../../errors.js';
import { forgetLimits } from '../patients/accounts.test-helpers.js';
import type { StaffActor } from './actor.js';
import { logInStaff, type StaffUserChanges, updateStaffUser } from './staff-users.service.js';

const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : String(r.reason);

for (const dialect of testDialects()) {
  describe(`staff users service (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    test('two admins demoting each other at once: one succeeds, the other gets LAST_ADMIN', async () => {
      const db = t.ctx.database.db;
      // A few rounds, so that without the lock the two counts would meet at least once.
      for (let round = 0; round < 5; round++) {
        await db.updateTable('staffUsers').set({ active: 0 }).where('role', '=', 'admin').execute();
        const pair = await Promise.all(
          ['a', 'b'].map((x) => insertStaffUser(db, { username: `jefa-${x}-${round}`, role: 'admin' })),
        );
        const demote = (id: number, by: number) => {
          const actor: StaffActor = {
            kind: 'staff',
            ref: `usuario:${by}`,
            name: 'Jefa',
            role: 'admin',
            professionalId: null,
            ip: '',
          };
          const changes: StaffUserChanges = {
            name: 'Ex jefa',
            email: null,
            role: 'reception',
            professionalId: null,
            active: true,
          };
          return updateStaffUser(t.ctx, { actor, id, changes });
        };
        const [a, b] = pair.map((u) => u.id) as [number, number];
        const results = await Promise.allSettled([demote(a, b), demote(b, a)]);
        assert.deepEqual(results.map(codeOf).sort(), ['LAST_ADMIN', 'ok'], `round ${round}`);
        const admins = await db
          .selectFrom('staffUsers')
          .select('id')
          .where('role', '=', 'admin')
          .where('active', '=', 1)
          .execute();
        assert.equal(admins.length, 1, `round ${round}: one active admin remains`);
      }
    });

    test('the per-user login limit counts the user, whether the username or the e-mail is typed', async () => {
      await insertStaffUser(t.ctx.database.db, {
        username: 'lucia',
        email: 'lucia@centro.com.ar',
        role: 'reception',
        password: 'clave-de-lucia',
      });
      const attempt = (login: string, password: string) =>
        logInStaff(t.ctx, { login, password, ip: '198.51.100.7' }).then(
          () => 'ok',
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        );
      for (const login of ['lucia', 'LUCIA@centro.com.ar', 'lucia', 'lucia@centro.com.ar', 'Lucia']) {
        assert.equal(await attempt(login, 'no-es'), 'INVALID_STAFF_CREDENTIALS');
      }
      assert.equal(await attempt('lucia@centro.com.ar', 'clave-de-lucia'), 'TOO_MANY_ATTEMPTS');
      assert.equal(await attempt('lucia', 'clave-de-lucia'), 'TOO_MANY_ATTEMPTS');
    });

    test('successful staff logins do not use up the address: a clinic behind one NAT is not locked out', async () => {
      await insertStaffUser(t.ctx.database.db, { username: 'mesa-nat', role: 'reception', password: 'clave-de-mesa' });
      for (let i = 0; i < 35; i++) {
        await logInStaff(t.ctx, { login: 'mesa-nat', password: 'clave-de-mesa', ip: '203.0.113.50' });
      }
      await assert.rejects(
        logInStaff(t.ctx, { login: 'nadie', password: 'x', ip: '203.0.113.50' }),
        (e: unknown) => e instanceof AppError && e.code === 'INVALID_STAFF_CREDENTIALS',
      );
      // Failures still add up: 29 more close the address.
      for (let i = 0; i < 29; i++) {
        await logInStaff(t.ctx, { login: `nadie${i}`, password: 'x', ip: '203.0.113.50' }).catch(() => undefined);
      }
      await assert.rejects(
        logInStaff(t.ctx, { login: 'mesa-nat', password: 'clave-de-mesa', ip: '203.0.113.50' }),
        (e: unknown) => e instanceof AppError && e.code === 'TOO_MANY_ATTEMPTS',
      );
    });
  });
}
