import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialScanUrl, groupDni } from './credential.rules.js';

test('a DNI is grouped in thousands as the card prints it', () => {
  assert.equal(groupDni('12345678'), '12.345.678');
  assert.equal(groupDni('4123456'), '4.123.456');
  assert.equal(groupDni('950'), '950');
  assert.equal(groupDni('M1234567'), 'M1234567');
});

test("the scanned address is the staff's credential route under the public base", () => {
  assert.equal(
    credentialScanUrl('https://turnos.example.com.ar/', 42),
    'https://turnos.example.com.ar/staff/credencial/42',
  );
  assert.equal(credentialScanUrl('http://127.0.0.1:3000', 7), 'http://127.0.0.1:3000/staff/credencial/7');
});
