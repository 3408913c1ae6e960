// Small progressive enhancements; every page works without this file.
(() => {
  const body = document.body;

  // Session lock: warn before the session ends, offer to stay, then show the lock message.
  const idle = Number(body.dataset.idleSeconds || 0);
  const dialog = document.getElementById('idle-warning');
  if (idle > 0 && dialog) {
    const warnBefore = Math.min(60, idle / 2);
    let warnTimer;
    let lockTimer;
    const arm = () => {
      clearTimeout(warnTimer);
      clearTimeout(lockTimer);
      warnTimer = setTimeout(() => dialog.showModal(), (idle - warnBefore) * 1000);
      // One second after the server's limit, so the reload finds the session already ended.
      lockTimer = setTimeout(() => window.location.reload(), (idle + 1) * 1000);
    };
    dialog.querySelector('[data-stay-connected]').addEventListener('click', async () => {
      const response = await fetch(body.dataset.keepalive || '/sesion/seguir', {
        method: 'POST',
        headers: { 'x-csrf-token': body.dataset.csrf },
        credentials: 'same-origin',
        // A session that already ended answers with a redirect to the login page: followed, it would read as
        // success and the page would pretend to stay logged in.
        redirect: 'manual',
      });
      dialog.close();
      if (response.ok) arm();
      else window.location.reload();
    });
    arm();
  }

  for (const button of document.querySelectorAll('[data-print]')) {
    button.addEventListener('click', () => window.print());
  }

  // Send desk: while a batch has pending messages its counts follow the outbox; at the end the page reloads
  // once to show each row's result. Polling stops after 10 minutes, so a forgotten tab does not keep the
  // staff session alive forever (the "Actualizar" link still works).
  const progress = document.querySelector('[data-progress-url]');
  if (progress) {
    const started = Date.now();
    const poll = async () => {
      const response = await fetch(progress.dataset.progressUrl, { credentials: 'same-origin' }).catch(() => null);
      if (response?.ok) {
        const counts = await response.json();
        for (const cell of progress.querySelectorAll('[data-count]')) {
          cell.textContent = String(counts[cell.dataset.count] ?? cell.textContent);
        }
        const bar = progress.querySelector('progress');
        if (bar) {
          bar.max = Math.max(1, counts.total);
          bar.value = counts.total - counts.pending;
        }
        if (counts.pending === 0) return window.location.reload();
      }
      if (Date.now() - started < 10 * 60_000) setTimeout(poll, 3000);
    };
    setTimeout(poll, 3000);
  }
})();
