// SMS Masivos against a stand-in on loopback: the request as its API guide describes it, and each answer
// classified as sent, retry later or failed for good.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { readSmsMasivosAnswer, type SmsMasivosConfig, smsMasivosNumber, smsMasivosProvider } from './smsmasivos.js';
import { failure, parseForm, StandIn, transportFaults } from './stand-in.test-helpers.js';

const OK = { status: 200, body: '0;Mensaje enviado', headers: { 'content-type': 'text/plain; charset=iso-8859-1' } };
const MESSAGE_ID = '7f3c2a10-0b5e-4c1d-9a77-1e2f3a4b5c6d';

describe('SMS Masivos', () => {
  let standIn: StandIn;
  const provider = (config: Partial<SmsMasivosConfig> = {}) =>
    smsMasivosProvider({
      user: 'CENTRO1',
      password: 'cl@ve secreta',
      baseUrl: standIn.url,
      timeoutMs: 2000,
      ...config,
    });
  before(async () => {
    standIn = await StandIn.start(OK);
  });
  beforeEach(() => standIn.reset());
  after(() => standIn.close());

  test('POSTs the form to enviar_sms.asp?api=1: user, password, 10-digit number, text in Latin-1, our id', async () => {
    const result = await provider().send('+5491112345678', 'Hola María, tu turno es el miércoles 30/09', {
      messageId: MESSAGE_ID,
    });
    assert.deepEqual(result, { providerId: '7f3c2a100b5e4c1d9a771e2f3a4b5c6d' });
    const { method, url, headers, body } = standIn.last;
    assert.equal(method, 'POST');
    assert.equal(url, '/enviar_sms.asp?api=1');
    assert.equal(headers['content-type'], 'application/x-www-form-urlencoded; charset=ISO-8859-1');
    assert.match(body.toString('latin1'), /texto=Hola%20Mar%EDa/, 'í is one Latin-1 byte');
    assert.deepEqual(parseForm(body.toString('latin1'), 'latin1'), {
      usuario: 'CENTRO1',
      clave: 'cl@ve secreta',
      tos: '1112345678',
      texto: 'Hola María, tu turno es el miércoles 30/09',
      idinterno: '7f3c2a100b5e4c1d9a771e2f3a4b5c6d',
      respuestanumerica: '1',
    });
  });

  test('GET puts the same parameters in the query string; an API key replaces user and password', async () => {
    await provider({ method: 'GET', apiKey: 'K3Y', test: true, textCharset: 'utf-8' }).send('+5493515123456', 'Sí', {
      messageId: 'm1',
    });
    const { method, url } = standIn.last;
    assert.equal(method, 'GET');
    const [path, query] = url.split('?');
    assert.equal(path, '/enviar_sms.asp');
    assert.deepEqual(parseForm(query!, 'utf-8'), {
      api: '1',
      apikey: 'K3Y',
      tos: '3515123456',
      texto: 'Sí',
      idinterno: 'm1',
      respuestanumerica: '1',
      test: '1',
    });
  });

  test('characters outside Latin-1 become "?" rather than garbage', async () => {
    await provider().send('+5491112345678', 'Hola 😀 €', { messageId: 'm2' });
    assert.equal(parseForm(standIn.last.body.toString('latin1'), 'latin1').texto, 'Hola ? ?');
  });

  test('"1;…" (test accepted) and a plain "OK" are successes too', async () => {
    standIn.answer({ status: 200, body: '1;Simulacro OK' }, { status: 200, body: 'OK\r\n' });
    await provider().send('+5491112345678', 'a', { messageId: 'a' });
    await provider().send('+5491112345678', 'b', { messageId: 'b' });
  });

  test('a numeric refusal is permanent, with its code, reason and answer kept (answer read as Latin-1)', async () => {
    standIn.answer({ status: 200, body: Buffer.from('-7;Número inválido', 'latin1') });
    const error = await failure(() => provider().send('+5491112345678', 'x', { messageId: 'x' }));
    assert.equal(error.kind, 'permanent');
    assert.equal(error.reason, 'invalid_number');
    assert.equal(error.providerCode, '-7');
    assert.equal(error.answer, '-7;Número inválido');
    assert.doesNotMatch(error.message, /inválido|1112345678/, 'the message carries no answer text');
  });

  test('the other numeric refusals', () => {
    const reasons = Object.fromEntries(
      ['-1', '-3', '-4', '-5', '-6', '-11', '-14', '-99'].map((code) => {
        const read = readSmsMasivosAnswer(`${code};x`);
        assert.equal(read.accepted, false);
        return [code, read.accepted ? '' : `${read.error.kind} ${read.error.reason}`];
      }),
    );
    assert.deepEqual(reasons, {
      '-1': 'permanent landline',
      '-3': 'permanent unsubscribed',
      '-4': 'permanent duplicate',
      '-5': 'permanent spam',
      '-6': 'permanent too_long',
      '-11': 'permanent invalid_characters',
      '-14': 'permanent do_not_call',
      '-99': 'permanent refused',
    });
  });

  test('a text answer (wrong password, no credit) is permanent and kept as written', async () => {
    standIn.answer({ status: 200, body: 'Usuario o clave incorrectos' });
    const error = await failure(() => provider().send('+5491112345678', 'x', { messageId: 'x' }));
    assert.equal(error.kind, 'permanent');
    assert.equal(error.answer, 'Usuario o clave incorrectos');
  });

  test('4xx other than 429 is permanent', async () => {
    for (const status of [400, 401, 403, 404]) {
      standIn.answer({ status, body: 'no' });
      const error = await failure(() => provider().send('+5491112345678', 'x', { messageId: 'x' }));
      assert.equal(error.kind, 'permanent', String(status));
      assert.equal(error.reason, `http_${status}`);
    }
  });

  test('a number it cannot take is refused without calling it', async () => {
    const error = await failure(() => provider().send('+447911123456', 'x', { messageId: 'x' }));
    assert.equal(error.kind, 'permanent');
    assert.equal(error.reason, 'unsupported_destination');
    assert.equal(standIn.received.length, 0);
    assert.equal(smsMasivosNumber('+541143211234'), null, 'a landline (no 9) is not a mobile');
  });
});

transportFaults(
  'smsmasivos',
  OK,
  (baseUrl, timeoutMs) => () =>
    smsMasivosProvider({ apiKey: 'k', baseUrl, timeoutMs }).send('+5491112345678', 'x', { messageId: 'x' }),
);
