// The generic webhook against a stand-in on loopback: JSON {to, text, messageId}, its auth headers, 2xx = sent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { whatsAppCloudSender } from '../whatsapp/cloud-api.js';
import type { E164 } from './provider.js';
import { failure, StandIn, transportFaults } from './stand-in.test-helpers.js';
import { twilioProvider } from './twilio.js';
import { webhookProvider } from './webhook.js';

const ACCEPTED = { status: 202, body: '' };

describe('HTTP webhook', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await StandIn.start(ACCEPTED);
  });
  beforeEach(() => standIn.reset());
  after(() => standIn.close());

  test('POSTs {to, text, messageId} as JSON to the configured URL, with the bearer token and the message id', async () => {
    const provider = webhookProvider({ url: `${standIn.url}/sms/send?center=7`, bearerToken: 's3cret' });
    const result = await provider.send('+5491112345678', 'Hola Núñez 😀', { messageId: 'msg-42' });
    assert.deepEqual(result, { providerId: 'msg-42' }, 'no id in the answer: ours stands for it');
    const { method, url, headers, body } = standIn.last;
    assert.equal(method, 'POST');
    assert.equal(url, '/sms/send?center=7');
    assert.equal(headers.authorization, 'Bearer s3cret');
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers['idempotency-key'], 'msg-42');
    assert.deepEqual(JSON.parse(body.toString('utf-8')), {
      to: '+5491112345678',
      text: 'Hola Núñez 😀',
      messageId: 'msg-42',
    });
  });

  test('a secret header instead of a bearer token; the receiver may name its own id', async () => {
    standIn.answer({ status: 200, body: '{"id":"gw-981"}' }, { status: 201, body: '{"providerId":123}' });
    const provider = webhookProvider({ url: standIn.url, secretHeader: { name: 'X-Gateway-Secret', value: 'abc' } });
    assert.deepEqual(await provider.send('+5491112345678', 'x', { messageId: 'm' }), { providerId: 'gw-981' });
    assert.equal(standIn.last.headers['x-gateway-secret'], 'abc');
    assert.equal(standIn.last.headers.authorization, undefined);
    assert.deepEqual(await provider.send('+5491112345678', 'x', { messageId: 'm' }), { providerId: '123' });
  });

  test('4xx other than 429 is permanent, with the answer kept', async () => {
    for (const status of [400, 401, 403, 404, 422]) {
      standIn.answer({ status, body: `{"error":"refused ${status}"}` });
      const error = await failure(() =>
        webhookProvider({ url: standIn.url }).send('+5491112345678', 'x', { messageId: 'm' }),
      );
      assert.equal(error.kind, 'permanent', String(status));
      assert.equal(error.provider, 'webhook');
      assert.equal(error.status, status);
      assert.equal(error.answer, `{"error":"refused ${status}"}`);
    }
  });

  test('408 is a timeout on the receiving side: temporary', async () => {
    standIn.answer({ status: 408, body: '' });
    const error = await failure(() =>
      webhookProvider({ url: standIn.url }).send('+5491112345678', 'x', { messageId: 'm' }),
    );
    assert.equal(error.kind, 'temporary');
  });

  test('a URL that cannot be a URL is a configuration problem: permanent', async () => {
    const error = await failure(() =>
      webhookProvider({ url: 'not a url' }).send('+5491112345678', 'x', { messageId: 'm' }),
    );
    assert.deepEqual([error.kind, error.reason], ['permanent', 'bad_configuration']);
  });
});

transportFaults(
  'webhook',
  ACCEPTED,
  (baseUrl, timeoutMs) => () =>
    webhookProvider({ url: `${baseUrl}/hook`, timeoutMs }).send('+5491112345678', 'x', { messageId: 'x' }),
);

test('a number that is not E.164 is refused before any request, by every adapter', async () => {
  const unreachable = 'http://127.0.0.1:1';
  const attempts = [
    () => webhookProvider({ url: unreachable }).send('+54 9 11' as E164, 'x', { messageId: 'm' }),
    () =>
      twilioProvider({ accountSid: 'AC1', authToken: 't', baseUrl: unreachable }).send('+0' as E164, 'x', {
        messageId: 'm',
      }),
    () =>
      whatsAppCloudSender({ accessToken: 't', phoneNumberId: '1', baseUrl: unreachable }).sendTemplate(
        '5491112345678' as E164,
        { name: 't', language: 'es', bodyParameters: [] },
        { messageId: 'm' },
      ),
  ];
  for (const attempt of attempts) {
    const error = await failure(attempt);
    assert.deepEqual([error.kind, error.reason], ['permanent', 'invalid_number']);
  }
});
