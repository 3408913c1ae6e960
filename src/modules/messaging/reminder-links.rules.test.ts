import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readReminderToken, reminderLink, signReminderToken } from './reminder-links.rules.js';
import { sampleLink } from './template-values.rules.js';

const SECRET = 'secreto-de-prueba';

test('a token names its turno and action, and is exactly as long as the SMS count assumes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom('confirm', 'cancel'), (id, action) => {
      const token = signReminderToken(SECRET, id, action);
      assert.deepEqual(readReminderToken(SECRET, token), { appointmentId: id, action });
      const link = reminderLink('https://turnos.centro.com.ar/', SECRET, id, action);
      assert.equal(link.length, sampleLink('https://turnos.centro.com.ar', action).length);
    }),
  );
});

test('a token from another database, or with any character changed, is refused', () => {
  const token = signReminderToken(SECRET, 42, 'cancel');
  assert.equal(readReminderToken('otro-secreto', token), null);
  for (let i = 0; i < token.length; i++) {
    for (const other of ['A', 'B', '_']) {
      if (other === token[i]) continue;
      const changed = token.slice(0, i) + other + token.slice(i + 1);
      assert.equal(readReminderToken(SECRET, changed), null, `character ${i} → ${other}`);
    }
  }
  assert.equal(readReminderToken(SECRET, `${token}x`), null);
  assert.equal(readReminderToken(SECRET, ''), null);
});
