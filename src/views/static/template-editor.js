// Plantillas: a click (or the manual's double click) on a placeholder of the help box inserts it at the
// cursor, and the SMS count follows the typing. The page works without this file ("Contar caracteres").
(() => {
  const form = document.querySelector('[data-template-editor]');
  if (!form) return;
  const body = form.querySelector('#f-body');
  const title = form.querySelector('#f-title');
  // The field the placeholder goes into: the last one written in (a mail's subject takes them too).
  let target = body;
  for (const field of [title, body]) {
    field?.addEventListener('focus', () => {
      target = field;
    });
  }

  const list = document.querySelector('.placeholder-list');
  for (const code of document.querySelectorAll('[data-placeholder]')) {
    const token = code.dataset.placeholder;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link placeholder';
    button.setAttribute('aria-label', `${list?.dataset.insertLabel ?? ''} ${token}`.trim());
    button.append(code.cloneNode(true));
    // A double click is two clicks: only the first inserts (keyboard activation reports detail 0).
    button.addEventListener('click', (event) => {
      if (event.detail > 1 || !target) return;
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? start;
      target.setRangeText(token, start, end, 'end');
      target.focus();
      target.dispatchEvent(new Event('input', { bubbles: true }));
    });
    code.replaceWith(button);
  }

  const box = document.querySelector('[data-sms-count]');
  if (!box || !body) return;
  const config = JSON.parse(box.dataset.smsCount);
  const basic = new Set(config.basic.replace('\u001b', ''));
  const extension = new Set(config.extension);
  const fill = (text, values) =>
    text.replace(/\{(\w+)\}/g, (m, key) => (Object.hasOwn(values, key) ? String(values[key]) : m));

  // The same packing as sms.rules.ts: an escaped character or a surrogate pair never splits between segments.
  const segments = (text) => {
    const chars = [...text];
    const forcedBy = [...new Set(chars.filter((c) => !basic.has(c) && !extension.has(c)))];
    const gsm = forcedBy.length === 0;
    const weights = chars.map((c) => (gsm ? (extension.has(c) ? 2 : 1) : c.length));
    const units = weights.reduce((sum, w) => sum + w, 0);
    const single = gsm ? 160 : 70;
    const multi = gsm ? 153 : 67;
    let count = units === 0 ? 0 : 1;
    if (units > single) {
      let used = 0;
      for (const w of weights) {
        if (used + w > multi) {
          count++;
          used = 0;
        }
        used += w;
      }
    }
    return { units, count, encoding: gsm ? 'GSM-7' : 'UCS-2', forcedBy };
  };

  const line = box.querySelector('[data-count-line]');
  const multi = box.querySelector('[data-warn-multi]');
  const ucs2 = box.querySelector('[data-warn-ucs2]');
  const counted = box.querySelector('[data-counted]');
  const update = () => {
    // As the server counts: the worst-case value of each known placeholder, the text trimmed, no CR.
    const text = body.value
      .replace(/\r\n?/g, '\n')
      .trim()
      .replace(/\[\[([^[\]]*)\]\]/g, (m, name) => (Object.hasOwn(config.values, name) ? config.values[name] : m));
    const c = segments(text);
    line.textContent = fill(config.line, { chars: c.units, segments: c.count, encoding: c.encoding });
    multi.hidden = c.count <= 1;
    multi.textContent = fill(config.multi, { segments: c.count });
    ucs2.hidden = c.encoding !== 'UCS-2';
    ucs2.textContent = fill(config.ucs2, { chars: c.forcedBy.map((ch) => `«${ch}»`).join(', ') });
    if (counted) counted.textContent = text;
  };
  body.addEventListener('input', update);
})();
