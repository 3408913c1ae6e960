// The worst case the SMS editor counts with, and the values a preview shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomToken } from '../../platform/secrets.js';
import { smsSegments } from './sms.rules.js';
import {
  LINK_TOKEN_LENGTH,
  sampleLink,
  sampleValues,
  worstCaseSmsCount,
  worstCaseValues,
} from './template-values.rules.js';
import { PLACEHOLDERS } from './templates.rules.js';

test('every placeholder has a worst-case and a sample value', () => {
  const worst = worstCaseValues();
  const sample = sampleValues();
  for (const { name } of PLACEHOLDERS) {
    assert.ok(worst[name].length > 0, name);
    assert.ok(sample[name].length > 0, name);
    assert.ok(worst[name].length >= sample[name].length, `${name}: the worst case is at least as long`);
  }
});

test('the patient is a 40-character name with accents that force UCS-2; the date is the longest weekday', () => {
  const worst = worstCaseValues();
  assert.equal(worst.PACIENTE.length, 40);
  assert.equal(smsSegments(worst.PACIENTE).encoding, 'UCS-2');
  assert.equal(worst.FECHA, 'miércoles 30/09');
  assert.equal(worst.HORA.length, 5);
});

test('signed links are as long as a real one: the same token length as the account links', () => {
  assert.equal(randomToken(32).length, LINK_TOKEN_LENGTH);
  const link = sampleLink('https://turnos.centro.com.ar/', 'confirm');
  assert.equal(link, `https://turnos.centro.com.ar/turno/confirmar?token=${'x'.repeat(43)}`);
  const worst = worstCaseValues({ baseUrl: 'https://turnos.centro.com.ar' });
  assert.equal(worst.CONFIRMAR, link);
  assert.match(worst.CANCELAR, /^https:\/\/turnos\.centro\.com\.ar\/turno\/cancelar\?token=x{43}$/);
});

test("the center's own data replaces the defaults: its longest professional, its name and address", () => {
  const longName = 'DE LA SANTÍSIMA TRINIDAD Y ECHEVERRÍA María de los Ángeles';
  const worst = worstCaseValues({
    professionals: ['PAZ Ana', longName, 'JUÁREZ Leonel'],
    specialties: ['Clínica'],
    center: 'Clínica Norte',
    address: 'Mitre 10',
    phone: '4444-5555',
  });
  assert.equal(worst.PROFESIONAL, longName);
  assert.equal(worst.ESPECIALIDAD, 'Clínica');
  assert.equal(worst.CENTRO, 'Clínica Norte');
  assert.equal(worst.DIRECCION, 'Mitre 10');
  assert.equal(worst.TELEFONO, '4444-5555');
  assert.equal(worstCaseValues({ professionals: [] }).PROFESIONAL, worstCaseValues().PROFESIONAL);
});

test('a template that fits one SMS for a short name is counted for the long one', () => {
  const template = 'Hola [[PACIENTE]], te esperamos el [[FECHA]] a las [[HORA]] con [[PROFESIONAL]].';
  const short = smsSegments(
    template
      .replace('[[PACIENTE]]', 'ANA PAZ')
      .replace('[[FECHA]]', 'lunes 2/3')
      .replace('[[HORA]]', '9:00')
      .replace('[[PROFESIONAL]]', 'PAZ Ana'),
  );
  assert.equal(short.segments, 1);
  const worst = worstCaseSmsCount(template);
  assert.equal(worst.encoding, 'UCS-2');
  assert.equal(worst.segments, 2);
  assert.match(worst.rendered, /ANA MARÍA RODRÍGUEZ FERNÁNDEZ DE ÁLVAREZ/);
});

test('sample values take overrides for the center, and ignore undefined ones', () => {
  const sample = sampleValues({ CENTRO: 'Clínica Norte', DIRECCION: undefined });
  assert.equal(sample.CENTRO, 'Clínica Norte');
  assert.equal(sample.DIRECCION, sampleValues().DIRECCION);
});
