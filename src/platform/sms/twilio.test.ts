// Twilio against a stand-in on loopback: basic auth, form-encoded To/From/Body, and its error codes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { failure, parseForm, StandIn, transportFaults } from './stand-in.test-helpers.js';
import { type TwilioConfig, twilioProvider } from './twilio.js';

const CREATED = { status: 201, body: JSON.stringify({ sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued' }) };
const SID = 'AC11111111111111111111111111111111';

describe('Twilio', () => {
  let standIn: StandIn;
  const provider = (config: Partial<TwilioConfig> = {}) =>
    twilioProvider({ accountSid: SID, authToken: 't0ken', from: '+15005550006', baseUrl: standIn.url, ...config });
  before(async () => {
    standIn = await StandIn.start(CREATED);
  });
  beforeEach(() => standIn.reset());
  after(() => standIn.close());

  test('POSTs To, From and Body form-encoded to the account Messages.json, with basic auth', async () => {
    const result = await provider().send('+5491112345678', 'Recordá tu turno: jueves 26/11 09:40 ✔', {
      messageId: 'm1',
    });
    assert.deepEqual(result, { providerId: 'SM0123456789abcdef0123456789abcdef' });
    const { method, url, headers, body } = standIn.last;
    assert.equal(method, 'POST');
    assert.equal(url, `/2010-04-01/Accounts/${SID}/Messages.json`);
    assert.equal(headers.authorization, `Basic ${Buffer.from(`${SID}:t0ken`).toString('base64')}`);
    assert.equal(headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(parseForm(body.toString()), {
      To: '+5491112345678',
      Body: 'Recordá tu turno: jueves 26/11 09:40 ✔',
      From: '+15005550006',
    });
  });

  test('a messaging service replaces From; a status callback is passed on', async () => {
    await provider({ messagingServiceSid: 'MG123', statusCallback: 'https://c.test/cb' }).send('+5491112345678', 'x', {
      messageId: 'm2',
    });
    assert.deepEqual(parseForm(standIn.last.body.toString()), {
      To: '+5491112345678',
      Body: 'x',
      MessagingServiceSid: 'MG123',
      StatusCallback: 'https://c.test/cb',
    });
  });

  test('an invalid or landline number is permanent, with the Twilio code and answer kept', async () => {
    const answer = { code: 21211, message: "The 'To' number +5491112345678 is not a valid phone number.", status: 400 };
    standIn.answer({ status: 400, body: JSON.stringify(answer) }, { status: 400, body: '{"code":21614}' });
    const invalid = await failure(() => provider().send('+5491112345678', 'x', { messageId: 'x' }));
    assert.equal(invalid.kind, 'permanent');
    assert.equal(invalid.reason, 'invalid_number');
    assert.equal(invalid.providerCode, '21211');
    assert.equal(invalid.status, 400);
    assert.equal(invalid.answer, JSON.stringify(answer));
    assert.doesNotMatch(invalid.message, /5491112345678/, 'the number stays out of the error message');
    const landline = await failure(() => provider().send('+5491112345678', 'x', { messageId: 'x' }));
    assert.equal(landline.reason, 'not_mobile');
  });

  test('wrong credentials (401) and other 4xx are permanent', async () => {
    standIn.answer({ status: 401, body: '{"code":20003,"message":"Authenticate"}' }, { status: 404, body: '' });
    const auth = await failure(() => provider().send('+5491112345678', 'x', { messageId: 'x' }));
    assert.deepEqual([auth.kind, auth.reason, auth.providerCode], ['permanent', 'http_401', '20003']);
    const missing = await failure(() => provider().send('+5491112345678', 'x', { messageId: 'x' }));
    assert.deepEqual([missing.kind, missing.reason, missing.providerCode], ['permanent', 'http_404', undefined]);
  });

  test('a 2xx without a readable sid is still a success, under our id', async () => {
    standIn.answer({ status: 201, body: 'created' });
    assert.deepEqual(await provider().send('+5491112345678', 'x', { messageId: 'ours' }), { providerId: 'ours' });
  });
});

transportFaults(
  'twilio',
  CREATED,
  (baseUrl, timeoutMs) => () =>
    twilioProvider({ accountSid: SID, authToken: 't', from: '+1', baseUrl, timeoutMs }).send('+5491112345678', 'x', {
      messageId: 'x',
    }),
);
