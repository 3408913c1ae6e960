// Generar token: counts down the seconds of the code on screen, shows the next code when it changes, then asks
// the server for a fresh pair (it never computes a code here). "Copiar" copies the code. Without this file the
// page still shows the code and "Generar otro" reloads it.
(() => {
  const card = document.querySelector('[data-token-url]');
  if (!card) return;
  const codeEl = card.querySelector('[data-token-code]');
  const nextEl = card.querySelector('[data-token-next]');
  const countdownEl = card.querySelector('[data-token-countdown]');
  const copyField = document.getElementById('token-copy');
  const copyButton = document.querySelector('[data-token-copy]');
  const copyStatus = document.querySelector('[data-token-copy-status]');
  const spanish = document.documentElement.lang !== 'en';
  const countdownText = (s) => (spanish ? `Cambia en ${s} segundos.` : `Changes in ${s} seconds.`);
  const group = (code) => {
    const n = code.length;
    if (n <= 4) return code;
    const size = n % 3 === 0 ? 3 : n % 4 === 0 ? 4 : Math.ceil(n / 2);
    const parts = [];
    for (let i = 0; i < n; i += size) parts.push(code.slice(i, i + size));
    return parts.join(' ');
  };

  let code = copyField ? copyField.value : codeEl.textContent.replace(/\s/g, '');
  let next = nextEl ? nextEl.textContent.replace(/\s/g, '') : '';
  let changesAt = Date.now() + Number(card.dataset.expiresInMs || 0);
  // Polling keeps the session alive: stop after 10 minutes, so a forgotten tab still locks.
  const stopAt = Date.now() + 10 * 60_000;
  let timer;

  const show = () => {
    codeEl.textContent = group(code);
    if (nextEl) nextEl.textContent = group(next);
    if (copyField) copyField.value = code;
  };

  const refresh = async () => {
    const response = await fetch(card.dataset.tokenUrl, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      redirect: 'manual',
    }).catch(() => null);
    if (!response?.ok) return false;
    const pair = await response.json();
    code = pair.code;
    next = pair.nextCode;
    changesAt = Date.now() + pair.expiresInMs;
    show();
    return true;
  };

  const tick = async () => {
    const left = Math.max(0, Math.ceil((changesAt - Date.now()) / 1000));
    if (countdownEl) countdownEl.textContent = countdownText(left);
    if (left === 0) {
      if (Date.now() > stopAt) return;
      // The next code is already known: show it at once, then ask for the pair after it.
      if (next) {
        code = next;
        next = '';
        show();
      }
      const ok = await refresh();
      if (!ok) return window.location.reload();
    }
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  };
  tick();

  if (copyButton && copyField) {
    copyButton.hidden = false;
    const say = (text) => {
      if (!copyStatus) return;
      copyStatus.textContent = text;
      copyStatus.hidden = false;
    };
    copyButton.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(copyField.value);
        say(card.dataset.copied);
      } catch {
        copyField.focus();
        copyField.select();
        let copied = false;
        try {
          copied = document.execCommand('copy');
        } catch {
          copied = false;
        }
        say(copied ? card.dataset.copied : card.dataset.copyFailed);
      }
    });
  }
  window.addEventListener('pagehide', () => clearTimeout(timer));
})();
