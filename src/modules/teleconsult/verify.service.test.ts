// The conformity holds up: one code, one patient, one turno, once — on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { AppError } from '../../errors.js';
import { updateCenter } from '../center/center.admin.service.js';
import { lockedPatients, unlockPatient } from './conformity.service.js';
import { verifyToken } from './verify.service.js';
import {
  codeOf,
  printedSeries,
  professionalActor,
  reception,
  statusOf,
  type VerifyCenter,
  verifyCenter,
} from './verify.test-helpers.js';

const MINUTE = 60_000;

for (const dialect of testDialects()) {
  describe(`Validar token (${dialect})`, () => {
    let t: TestApp;
    let c: VerifyCenter;
    const db = () => t.ctx.database.db;
    const verify = (dni: string, code: string, appointmentId?: number, actor = reception) =>
      verifyToken(t.ctx, { actor, dni, code, appointmentId, via: 'staff' });
    /** The refusal's code, or 'ok'. */
    const outcome = async (p: Promise<unknown>) => {
      try {
        await p;
        return 'ok';
      } catch (e) {
        if (e instanceof AppError) return e.code;
        throw e;
      }
    };
    const failures = async (patientId: number) =>
      (
        await db()
          .selectFrom('tokenFailures')
          .select('reason')
          .where('patientId', '=', patientId)
          .orderBy('id')
          .execute()
      ).map((r) => r.reason);

    before(async () => {
      t = await buildTestApp(dialect);
      c = await verifyCenter(t);
    });
    after(() => t.close());

    test('a code verifies once and only once; the turno becomes present and the audit says so', async () => {
      const ana = await c.patient({ lastName: 'ANA' });
      const turno = await c.turno(ana.id);
      const code = await codeOf(t, ana.id);
      const ok = await verify(ana.dni, code, turno);
      assert.deepEqual(
        [ok.patientId, ok.appointmentId, ok.codeKind, ok.patientName],
        [ana.id, turno, 'dynamic', `ANA, Test`],
      );
      assert.equal(await statusOf(t, turno), 'present');
      const other = await c.turno(ana.id);
      assert.equal(await outcome(verify(ana.dni, code, other)), 'TOKEN_REUSED', 'the same code on another turno');
      assert.equal(await outcome(verify(ana.dni, code)), 'TOKEN_REUSED', 'the same code without a turno');
      assert.equal(await statusOf(t, other), 'reserved');
      const rows = await db()
        .selectFrom('teleconsultConformities')
        .selectAll()
        .where('patientId', '=', ana.id)
        .execute();
      assert.equal(rows.length, 1);
      assert.deepEqual(
        [rows[0]?.appointmentId, rows[0]?.verifiedByRef, rows[0]?.verifiedByName, rows[0]?.via],
        [turno, reception.ref, reception.name, 'staff'],
      );
      assert.deepEqual(await auditTrail(db(), ana.id), ['token.verify', 'token.verify_failed', 'token.verify_failed']);
      assert.deepEqual(await failures(ana.id), ['reused', 'reused']);
      const audited = await db()
        .selectFrom('auditLog')
        .select(['target', 'detail'])
        .where('patientId', '=', ana.id)
        .where('action', '=', 'token.verify')
        .executeTakeFirstOrThrow();
      assert.deepEqual([audited.target, audited.detail], [`turno:${turno}`, 'dynamic']);
    });

    test('one step of drift: the previous code verifies, two steps back and the next one do not', async () => {
      const p = await c.patient();
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id, -2))), 'TOKEN_INVALID');
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id, 1))), 'TOKEN_INVALID');
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id, -1))), 'ok');
      // The current step is newer than the one used: it still verifies once.
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id))), 'ok');
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id, -1))), 'TOKEN_REUSED', 'older than the last used');
      const q = await c.patient();
      assert.equal(await outcome(verify(q.dni, await codeOf(t, q.id))), 'ok');
      assert.equal(
        await outcome(verify(q.dni, await codeOf(t, q.id, -1))),
        'TOKEN_REUSED',
        'a code before the one used never verifies after it',
      );
    });

    test("another patient's code fails; an unknown DNI answers exactly like a wrong code", async () => {
      const a = await c.patient();
      const b = await c.patient();
      const bCode = await codeOf(t, b.id);
      const wrong = await verify(a.dni, bCode).catch((e: AppError) => e);
      assert.ok(wrong instanceof AppError);
      assert.equal(wrong.code, 'TOKEN_INVALID');
      const unknown = await verify('9.999.999', bCode).catch((e: AppError) => e);
      assert.ok(unknown instanceof AppError);
      assert.deepEqual(
        [unknown.code, unknown.status, unknown.messageIn('es'), unknown.messageIn('en')],
        [wrong.code, wrong.status, wrong.messageIn('es'), wrong.messageIn('en')],
      );
      assert.match(wrong.messageIn('es'), /Pedile al paciente un código nuevo: cambia cada 30 segundos/);
      const unknownRow = await db()
        .selectFrom('tokenFailures')
        .selectAll()
        .where('dni', '=', '9999999')
        .executeTakeFirstOrThrow();
      assert.deepEqual([unknownRow.patientId, unknownRow.reason], [null, 'unknown_dni']);
      assert.equal(await outcome(verify(b.dni, bCode)), 'ok', "B's code still works for B");
    });

    test('printed codes are single-use, die with revocation and with their valid-until date', async () => {
      const p = await c.patient();
      const series = await printedSeries(t, p.id, ['1234567890', '2345678901', '3456789012']);
      assert.equal(await outcome(verify(p.dni, '12345 67890')), 'ok', 'grouped as printed');
      assert.equal(await outcome(verify(p.dni, '1234567890')), 'TOKEN_REUSED');
      const used = await db()
        .selectFrom('tokenSeriesCodes')
        .select(['position', 'usedAt'])
        .where('seriesId', '=', series)
        .orderBy('position')
        .execute();
      assert.deepEqual(
        used.map((u) => u.usedAt !== null),
        [true, false, false],
      );
      const other = await c.patient();
      assert.equal(await outcome(verify(other.dni, '2345678901')), 'TOKEN_INVALID', "another patient's sheet");
      const turno = await c.turno(p.id, { teleconsult: false });
      const ok = await verify(p.dni, '2345678901', turno);
      assert.equal(ok.codeKind, 'printed', 'a printed code serves an in-person turno too');
      await db()
        .updateTable('tokenSeries')
        .set({ revokedAt: new Date(t.clock.now()).toISOString() })
        .execute();
      assert.equal(await outcome(verify(p.dni, '3456789012')), 'TOKEN_REVOKED');

      const q = await c.patient();
      await printedSeries(t, q.id, ['5556667778'], '2026-11-22');
      const expired = await verify(q.dni, '5556667778').catch((e: AppError) => e);
      assert.ok(expired instanceof AppError);
      assert.equal(expired.code, 'TOKEN_EXPIRED');
      assert.match(expired.messageIn('es'), /22\/11\/2026/);
      await printedSeries(t, q.id, ['5556667779'], '2026-11-23');
      assert.equal(await outcome(verify(q.dni, '5556667779')), 'ok', 'valid through its last day');
    });

    test('five failures lock the patient: the right code is refused until 15 minutes pass; staff get a mail', async () => {
      const start = t.clock.now();
      const p = await c.patient({ lastName: 'BLOQUEADA' });
      const turno = await c.turno(p.id);
      for (let i = 0; i < 5; i++) assert.equal(await outcome(verify(p.dni, '000000', turno)), 'TOKEN_INVALID');
      const locked = await verify(p.dni, await codeOf(t, p.id), turno).catch((e: AppError) => e);
      assert.ok(locked instanceof AppError);
      assert.equal(locked.code, 'TOKEN_LOCKED');
      assert.equal(locked.status, 423);
      assert.match(locked.messageIn('es'), /bloqueada hasta las 09:\d\d \(15 minutos\)/);
      assert.deepEqual(
        (await lockedPatients(t.ctx, { actor: reception })).map((l) => l.patientId),
        [p.id],
      );
      assert.equal(await statusOf(t, turno), 'reserved');

      const sink = await t.sendMails();
      const mail = sink.mails.find((m) => m.subject.includes('BLOQUEADA'));
      assert.ok(mail, 'the center is alerted');
      assert.deepEqual(mail.to, ['guardia@centro.example']);
      assert.match(mail.text, /BLOQUEADA, Test/);
      assert.match(mail.text, new RegExp(`DNI ${p.dni}`));

      t.clock.advance(14 * MINUTE);
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id), turno)), 'TOKEN_LOCKED');
      t.clock.advance(MINUTE + 1000);
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id), turno)), 'ok', 'works after 15 minutes');
      assert.deepEqual(await auditTrail(db(), p.id), [
        ...Array(5).fill('token.verify_failed'),
        'token.lockout',
        'token.verify_failed',
        'token.verify_failed',
        'token.verify',
      ]);
      assert.deepEqual(await failures(p.id), [
        'invalid',
        'invalid',
        'invalid',
        'invalid',
        'invalid',
        'locked',
        'locked',
      ]);
      t.clock.set(start);
    });

    test('the center changes the step from 30 to 60 s: codes already used stay spent, later ones work', async () => {
      const start = t.clock.now();
      const admin = { ...reception, ref: 'usuario:901', role: 'admin' as const };
      const p = await c.patient({ lastName: 'PASO' });
      const used = await codeOf(t, p.id);
      assert.equal(await outcome(verify(p.dni, used)), 'ok');
      try {
        await updateCenter(t.ctx, { actor: admin, changes: { tokenStepSeconds: 60 } });
        assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id))), 'TOKEN_REUSED', 'the minute already used');
        t.clock.advance(60_000);
        assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id))), 'ok', 'the next minute works');
      } finally {
        await updateCenter(t.ctx, { actor: admin, changes: { tokenStepSeconds: 30 } });
        t.clock.set(start);
      }
    });

    test('a burst of wrong codes at once locks after the fifth: none passes the lock check uncounted', async () => {
      const p = await c.patient({ lastName: 'RAFAGA' });
      const results = await Promise.all(Array.from({ length: 12 }, () => outcome(verify(p.dni, '000000'))));
      assert.deepEqual(
        results.filter((r) => r === 'TOKEN_INVALID').length,
        5,
        `five wrong codes counted, the rest refused as locked: ${results.join(', ')}`,
      );
      assert.equal(results.filter((r) => r === 'TOKEN_LOCKED').length, 7);
      await unlockPatient(t.ctx, { actor: reception, patientId: p.id });
    });

    test('four failures do not lock; staff can lift a lock, and the old failures then do not count', async () => {
      const p = await c.patient();
      for (let i = 0; i < 4; i++) await outcome(verify(p.dni, '111111'));
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id))), 'ok');
      await outcome(verify(p.dni, '111111'));
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id, 0))), 'TOKEN_LOCKED');
      await assert.rejects(unlockPatient(t.ctx, { actor: professionalActor(c.seed.gonzalez.id), patientId: p.id }), {
        code: 'FORBIDDEN',
      });
      await unlockPatient(t.ctx, { actor: reception, patientId: p.id });
      assert.equal(await outcome(verify(p.dni, '111111')), 'TOKEN_INVALID', 'one failure after the unlock');
      t.clock.advance(30_000);
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id))), 'ok');
    });

    test('one staff user spraying codes over many DNIs is slowed down after 60 attempts in 15 minutes', async () => {
      const start = t.clock.now();
      const sprayer = { ...reception, ref: 'usuario:777', name: 'Probador' };
      for (let i = 0; i < 60; i++) {
        assert.equal(await outcome(verify(String(1_000_000 + i), '123456', undefined, sprayer)), 'TOKEN_INVALID');
      }
      const refused = await verify('1000100', '123456', undefined, sprayer).catch((e: AppError) => e);
      assert.ok(refused instanceof AppError);
      assert.deepEqual([refused.code, refused.status], ['TOO_MANY_ATTEMPTS', 429]);
      const p = await c.patient();
      assert.equal(await outcome(verify(p.dni, await codeOf(t, p.id))), 'ok', 'other staff are not affected');
      t.clock.advance(15 * MINUTE + 1000);
      assert.equal(await outcome(verify('1000100', '123456', undefined, sprayer)), 'TOKEN_INVALID');
      t.clock.set(start);
    });

    test('two verifications of the same code at once: exactly one succeeds', async () => {
      const p = await c.patient();
      const code = await codeOf(t, p.id);
      const [x, y] = await Promise.all([outcome(verify(p.dni, code)), outcome(verify(p.dni, code))]);
      assert.deepEqual([x, y].sort(), ['TOKEN_REUSED', 'ok']);

      const q = await c.patient();
      await printedSeries(t, q.id, ['9998887776']);
      const turnos = [await c.turno(q.id), await c.turno(q.id)];
      const printed = await Promise.all(turnos.map((id) => outcome(verify(q.dni, '9998887776', id))));
      assert.deepEqual(printed.sort(), ['TOKEN_REUSED', 'ok']);

      const r = await c.patient();
      await printedSeries(t, r.id, ['1112223334', '1112223335']);
      const one = await c.turno(r.id);
      const sameTurno = await Promise.all(
        ['1112223334', '1112223335'].map((code) => outcome(verify(r.dni, code, one))),
      );
      assert.deepEqual(sameTurno.sort(), ['TOKEN_CONFORMITY_EXISTS', 'ok'], 'one conformity per turno');
      const codesLeft = await db()
        .selectFrom('tokenSeriesCodes as c')
        .innerJoin('tokenSeries as s', 's.id', 'c.seriesId')
        .select('c.usedAt')
        .where('s.patientId', '=', r.id)
        .where('c.usedAt', 'is', null)
        .execute();
      assert.equal(codesLeft.length, 1, "the loser's code is not spent");
    });

    test('a turno with its conformity answers 409; a wrong turno does not spend the code', async () => {
      const p = await c.patient();
      const turno = await c.turno(p.id);
      await verify(p.dni, await codeOf(t, p.id, -1), turno);
      const again = await verify(p.dni, await codeOf(t, p.id), turno).catch((e: AppError) => e);
      assert.ok(again instanceof AppError);
      assert.deepEqual([again.code, again.status], ['TOKEN_CONFORMITY_EXISTS', 409]);

      const code = await codeOf(t, p.id);
      const tomorrow = await c.turno(p.id, { dayOffset: 1 });
      assert.equal(await outcome(verify(p.dni, code, tomorrow)), 'TOKEN_TURNO_NOT_TODAY');
      const other = await c.patient();
      const othersTurno = await c.turno(other.id);
      assert.equal(await outcome(verify(p.dni, code, othersTurno)), 'TOKEN_TURNO_OTHER_PATIENT');
      const cancelled = await c.turno(p.id);
      await db().updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', cancelled).execute();
      assert.equal(await outcome(verify(p.dni, code, cancelled)), 'TOKEN_TURNO_STATUS');
      assert.equal(await outcome(verify(p.dni, code, 999_999)), 'NOT_FOUND');
      assert.equal(await outcome(verify(p.dni, code)), 'ok', 'the code was never spent by the refusals');
      assert.deepEqual(await failures(p.id), [], 'turno mistakes are not token failures');
    });

    test("a professional verifies on their own turnos only; another's looks missing", async () => {
      const p = await c.patient();
      const mine = await c.turno(p.id);
      const theirs = await c.turno(p.id, { professionalId: c.seed.alvarez.id });
      const gonzalez = professionalActor(c.seed.gonzalez.id);
      const code = await codeOf(t, p.id);
      assert.equal(await outcome(verify(p.dni, code, theirs, gonzalez)), 'NOT_FOUND');
      assert.equal(await outcome(verify(p.dni, code, mine, gonzalez)), 'ok');
      const stranger = await c.patient();
      assert.equal(
        await outcome(verify(stranger.dni, await codeOf(t, stranger.id), undefined, gonzalez)),
        'FORBIDDEN',
        'without a turno: only patients they attend',
      );
      await assert.rejects(
        verifyToken(t.ctx, { actor: { kind: 'patient', patientId: p.id }, dni: p.dni, code, via: 'staff' }),
        { code: 'FORBIDDEN' },
      );
    });
  });
}
