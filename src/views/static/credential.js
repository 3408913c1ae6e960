// Mi credencial: "Pantalla completa" asks the browser to show the card alone; without this script (or a
// browser that cannot) the same link opens the card-only page.
(() => {
  for (const link of document.querySelectorAll('[data-fullscreen]')) {
    const card = document.getElementById(link.getAttribute('data-fullscreen'));
    if (!card || !document.fullscreenEnabled || !card.requestFullscreen) continue;
    link.setAttribute('role', 'button');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      card.requestFullscreen({ navigationUI: 'hide' }).then(
        () => {
          // Landscape shows the card largest; phones that cannot lock keep whatever way they are held.
          if (screen.orientation?.lock) screen.orientation.lock('landscape').catch(() => {});
        },
        () => {
          window.location.href = link.href;
        },
      );
    });
    // A tap on the card leaves full screen again.
    card.addEventListener('click', () => {
      if (document.fullscreenElement === card) document.exitFullscreen().catch(() => {});
    });
  }
})();
