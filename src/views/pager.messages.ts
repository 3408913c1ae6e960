import { defineMessages } from '../platform/i18n/messages.js';

export const pagerMessages = defineMessages(
  {
    pages: 'Páginas del listado',
    previous: 'Página anterior',
    next: 'Página siguiente',
    pageOf: (p: { page: number; pages: number }) => `Página ${p.page} de ${p.pages}`,
  },
  {
    pages: 'List pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (p: { page: number; pages: number }) => `Page ${p.page} of ${p.pages}`,
  },
);
