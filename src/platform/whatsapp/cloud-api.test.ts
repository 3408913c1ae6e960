// WhatsApp Cloud API against a stand-in on loopback: the template message as Meta expects it, and Meta's
// error codes, most of which come with a 400 whether they are worth retrying or not.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { failure, StandIn, transportFaults } from '../sms/stand-in.test-helpers.js';
import { type WhatsAppConfig, whatsAppCloudSender, whatsAppParameter } from './cloud-api.js';

const SENT = {
  status: 200,
  body: JSON.stringify({
    messaging_product: 'whatsapp',
    contacts: [{ input: '5491112345678', wa_id: '5491112345678' }],
    messages: [{ id: 'wamid.HBgNNTQ5MTExMjM0NTY3OBUCABEYEjQ2' }],
  }),
};
const TEMPLATE = { name: 'recordatorio_turno', language: 'es_AR', bodyParameters: ['María', 'jueves 26/11', '09:40'] };
const graphError = (code: number, message = 'error') =>
  JSON.stringify({ error: { message, type: 'OAuthException', code, fbtrace_id: 'Axyz' } });

describe('WhatsApp Cloud API', () => {
  let standIn: StandIn;
  const sender = (config: Partial<WhatsAppConfig> = {}) =>
    whatsAppCloudSender({ accessToken: 'EAAtoken', phoneNumberId: '106540352242922', baseUrl: standIn.url, ...config });
  before(async () => {
    standIn = await StandIn.start(SENT);
  });
  beforeEach(() => standIn.reset());
  after(() => standIn.close());

  test('POSTs the approved template with its language and body parameters, bearer token, to the number id', async () => {
    const result = await sender().sendTemplate('+5491112345678', TEMPLATE, { messageId: 'msg-7' });
    assert.deepEqual(result, { providerId: 'wamid.HBgNNTQ5MTExMjM0NTY3OBUCABEYEjQ2' });
    const { method, url, headers, body } = standIn.last;
    assert.equal(method, 'POST');
    assert.equal(url, '/v21.0/106540352242922/messages');
    assert.equal(headers.authorization, 'Bearer EAAtoken');
    assert.equal(headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(body.toString('utf-8')), {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5491112345678',
      type: 'template',
      template: {
        name: 'recordatorio_turno',
        language: { code: 'es_AR' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'María' },
              { type: 'text', text: 'jueves 26/11' },
              { type: 'text', text: '09:40' },
            ],
          },
        ],
      },
      biz_opaque_callback_data: 'msg-7',
    });
  });

  test('the API version is configurable, with or without its "v"; a template without parameters has no components', async () => {
    await sender({ apiVersion: '23.0' }).sendTemplate(
      '+5491112345678',
      { name: 'hola', language: 'es', bodyParameters: [] },
      { messageId: 'm' },
    );
    assert.equal(standIn.last.url, '/v23.0/106540352242922/messages');
    assert.equal(JSON.parse(standIn.last.body.toString()).template.components, undefined);
  });

  test('parameters lose the line breaks, tabs, long runs of spaces and emptiness Meta refuses', () => {
    assert.equal(
      whatsAppParameter('Ayuno de 8 h.\nTraer orden\tmédica.     Gracias'),
      'Ayuno de 8 h. Traer orden médica.   Gracias',
    );
    assert.equal(whatsAppParameter('  '), '-');
  });

  test('rate limits and passing failures are temporary even with a 400', async () => {
    for (const code of [130429, 131048, 131056, 80007, 131000, 131016, 133004, 4, 2]) {
      standIn.answer({ status: 400, body: graphError(code) });
      const error = await failure(() => sender().sendTemplate('+5491112345678', TEMPLATE, { messageId: 'm' }));
      assert.equal(error.kind, 'temporary', String(code));
      assert.equal(error.providerCode, String(code));
      assert.equal(error.status, 400);
    }
  });

  test('a bad template, an expired token, an unreachable number are permanent, with the answer kept', async () => {
    const cases: [number, number, string][] = [
      [400, 132001, 'template_not_found'],
      [400, 132000, 'template_parameters_mismatch'],
      [401, 190, 'bad_credentials'],
      [400, 131026, 'undeliverable'],
      [400, 131047, 'outside_conversation_window'],
      [400, 100, 'http_400'],
    ];
    for (const [status, code, reason] of cases) {
      const body = graphError(code, `(#${code}) refused`);
      standIn.answer({ status, body });
      const error = await failure(() => sender().sendTemplate('+5491112345678', TEMPLATE, { messageId: 'm' }));
      assert.deepEqual([error.kind, error.reason, error.providerCode], ['permanent', reason, String(code)]);
      assert.equal(error.answer, body);
    }
  });

  test("a 4xx without Meta's error body is classified by its status", async () => {
    standIn.answer({ status: 403, body: 'Forbidden' });
    const error = await failure(() => sender().sendTemplate('+5491112345678', TEMPLATE, { messageId: 'm' }));
    assert.deepEqual([error.kind, error.reason, error.providerCode], ['permanent', 'http_403', undefined]);
  });
});

transportFaults(
  'whatsapp',
  SENT,
  (baseUrl, timeoutMs) => () =>
    whatsAppCloudSender({ accessToken: 't', phoneNumberId: '1', baseUrl, timeoutMs }).sendTemplate(
      '+5491112345678',
      TEMPLATE,
      { messageId: 'x' },
    ),
);
