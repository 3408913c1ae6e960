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
})();
