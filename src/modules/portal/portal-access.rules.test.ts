import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { identityMatches, identityValue, portalNeeds } from './portal-access.rules.js';

const record = {
  email: 'ana@example.com',
  mobile: '+5491112345678',
  dniTramite: '00512345678',
  birthDate: '1980-05-04',
};

describe('portal access rules', () => {
  test('what a record lacks depends on the center’s identity check', () => {
    assert.deepEqual(portalNeeds(record, 'dni_tramite'), []);
    assert.deepEqual(portalNeeds({ ...record, dniTramite: '' }, 'birth_date'), []);
    assert.deepEqual(portalNeeds({ ...record, dniTramite: '' }, 'dni_tramite'), ['dni_tramite']);
    assert.deepEqual(portalNeeds({ ...record, birthDate: null }, 'birth_date'), ['birth_date']);
    // Stored values that are not valid (old imports) count as missing.
    assert.deepEqual(portalNeeds({ ...record, email: 'ana@', mobile: '123' }, 'birth_date'), ['email', 'mobile']);
    assert.deepEqual(portalNeeds({ ...record, email: null, mobile: null }, 'birth_date'), ['email', 'mobile']);
  });

  test('the proof is the DNI and the configured value, both exactly', () => {
    assert.equal(identityValue(record, 'dni_tramite'), '00512345678');
    assert.equal(identityValue({ ...record, birthDate: null }, 'birth_date'), null);
    const expected = { dni: '30111222', value: '00512345678' };
    assert.equal(identityMatches(expected, { dni: '30111222', value: '00512345678' }), true);
    assert.equal(identityMatches(expected, { dni: '30111223', value: '00512345678' }), false);
    assert.equal(identityMatches(expected, { dni: '30111222', value: '0051234567' }), false);
    // The separator cannot be forged across the two parts.
    assert.equal(identityMatches(expected, { dni: '30111222|00512345678', value: '' }), false);
  });
});
