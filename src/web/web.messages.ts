import { defineMessages } from '../platform/i18n/messages.js';

export const webMessages = defineMessages(
  {
    errorTitle: 'No se pudo completar',
    notFoundTitle: 'Página no encontrada',
    notFound: 'No encontramos esa página. Revisá la dirección o volvé al inicio.',
    csrfTitle: 'El formulario venció',
    csrf: 'Por seguridad, el formulario que enviaste ya no es válido (pasó mucho tiempo o cambió tu sesión). Volvé atrás, recargá la página y envialo de nuevo: lo que escribiste sigue ahí.',
    back: 'Volver al inicio',
  },
  {
    errorTitle: 'This could not be completed',
    notFoundTitle: 'Page not found',
    notFound: 'We could not find that page. Check the address or go back home.',
    csrfTitle: 'The form expired',
    csrf: 'For your security the form you sent is no longer valid (too much time passed or your session changed). Go back, reload the page and send it again: what you typed is still there.',
    back: 'Back to home',
  },
);
