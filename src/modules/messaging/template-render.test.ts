// The mail's HTML part is the rendered text escaped: a patient's name is shown as typed, never read as markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { renderMessage } from './template-render.js';

const mail = (body: string) => ({ channel: 'mail' as const, title: 'Turno', body, waTemplate: '', waLanguage: '' });
const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
const fromHtml = (html: string) =>
  html.replace(
    /&lt;|&gt;|&quot;|&#39;|&amp;/g,
    (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e] ?? '&',
  );

test('values are escaped in the HTML part; links stay clickable, line breaks become <br>', () => {
  const values = { PACIENTE: '<script>alert("x")</script> & O\'Hara', CONFIRMAR: 'https://c.test/t?a=1&b=2' };
  const message = renderMessage(mail('Hola [[PACIENTE]]\nConfirmá: [[CONFIRMAR]]'), values);
  assert.equal(message.text, `Hola ${values.PACIENTE}\nConfirmá: ${values.CONFIRMAR}`, 'the text part as typed');
  assert.equal(
    bodyOf(message.html),
    'Hola &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Hara<br>\n' +
      'Confirmá: <a href="https://c.test/t?a=1&amp;b=2">https://c.test/t?a=1&amp;b=2</a>',
  );
});

test('property: whatever was typed as a name, the HTML part shows exactly that text', () => {
  // Links and line breaks are the two things the HTML part adds on purpose.
  const name = fc.string().filter((n) => !/https?:\/\/|[\r\n]/.test(n));
  fc.assert(
    fc.property(name, (typed) => {
      const body = bodyOf(renderMessage(mail('Hola [[PACIENTE]]'), { PACIENTE: typed }).html);
      assert.ok(!/[<>"']/.test(body), body);
      assert.equal(fromHtml(body), `Hola ${typed}`);
    }),
  );
});
