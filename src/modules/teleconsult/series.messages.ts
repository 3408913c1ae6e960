// Every visible text of the printed series: the page, the sheet (PDF) and its states.
import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';

export const seriesMessages = defineMessages(
  {
    title: 'Series impresas de códigos',
    intro:
      'Una serie es una hoja con códigos de un solo uso, para consultas en las que no tengas el teléfono a mano ' +
      '(por ejemplo, presenciales). Cada código sirve una vez: tachalo cuando lo uses. Si perdés la hoja, revocala.',
    back: 'Volver a Generar token',
    newTitle: 'Imprimir una serie',
    count: 'Cantidad de códigos',
    countHint: (p: { max: number }) => `De 1 a ${p.max}.`,
    validUntil: 'Válida hasta',
    validUntilHint: (p: { max: string }) => `Como mucho un año: hasta el ${p.max}.`,
    create: 'Crear la serie',
    created: 'Listo: creamos tu serie. Imprimila o guardala en PDF.',
    revoked: 'La serie quedó revocada: sus códigos ya no sirven.',
    listTitle: 'Tus series',
    empty: 'Todavía no imprimiste ninguna serie.',
    seriesName: (p: { id: number }) => `Serie N.º ${p.id}`,
    createdOn: 'Creada',
    validUntilShort: 'Válida hasta',
    state: 'Estado',
    state_active: 'Vigente',
    state_expired: 'Vencida',
    state_revoked: 'Revocada',
    used: 'Usados',
    usedOf: (p: { used: number; total: number }) => `${p.used} de ${p.total}`,
    usedPositions: 'Códigos usados',
    usedAt: (p: { position: number; when: string }) => `N.º ${p.position}: ${p.when}`,
    noneUsed: 'Ningún código usado todavía.',
    print: 'Imprimir / Guardar PDF',
    printOf: (p: { id: number }) => `de la serie N.º ${p.id}`,
    revoke: 'Revocar',
    revokeOf: (p: { id: number }) => `la serie N.º ${p.id}`,
    revokeTitle: (p: { id: number }) => `¿Revocar la serie N.º ${p.id}?`,
    revokeText:
      'Todos sus códigos dejan de servir enseguida, también los que todavía no usaste. No se puede deshacer: ' +
      'si necesitás códigos, imprimí una serie nueva.',
    revokeConfirm: 'Sí, revocar la serie',
    cancel: 'No, volver',
    closedNote: 'Ya no se puede imprimir.',
    // PDF
    pdfTitle: 'Serie de códigos de conformidad',
    pdfPatient: 'Paciente',
    pdfDni: 'DNI',
    pdfSeries: 'Serie',
    pdfValidUntil: 'Válida hasta',
    pdfCreated: 'Creada el',
    pdfInstructions:
      'Cada código sirve una sola vez. Cuando el profesional te pida tu token, dale el primer código que no ' +
      'hayas usado y tachalo. Guardá esta hoja como un documento: quien la tenga puede dar tu conformidad. Si la ' +
      'perdés, revocala en el portal (Generar token → Series impresas).',
    pdfUsed: (p: { when: string }) => `usado el ${p.when}`,
  },
  {
    title: 'Printed code series',
    intro:
      'A series is a sheet of single-use codes, for visits where you do not have your phone at hand (for ' +
      'example, in person). Each code works once: cross it out when used. If you lose the sheet, revoke it.',
    back: 'Back to Generate token',
    newTitle: 'Print a series',
    count: 'Number of codes',
    countHint: (p: { max: number }) => `From 1 to ${p.max}.`,
    validUntil: 'Valid until',
    validUntilHint: (p: { max: string }) => `At most one year: until ${p.max}.`,
    create: 'Create the series',
    created: 'Done: your series was created. Print it or save it as PDF.',
    revoked: 'The series was revoked: its codes no longer work.',
    listTitle: 'Your series',
    empty: 'You have not printed any series yet.',
    seriesName: (p: { id: number }) => `Series no. ${p.id}`,
    createdOn: 'Created',
    validUntilShort: 'Valid until',
    state: 'Status',
    state_active: 'In force',
    state_expired: 'Expired',
    state_revoked: 'Revoked',
    used: 'Used',
    usedOf: (p: { used: number; total: number }) => `${p.used} of ${p.total}`,
    usedPositions: 'Used codes',
    usedAt: (p: { position: number; when: string }) => `No. ${p.position}: ${p.when}`,
    noneUsed: 'No code used yet.',
    print: 'Print / Save PDF',
    printOf: (p: { id: number }) => `of series no. ${p.id}`,
    revoke: 'Revoke',
    revokeOf: (p: { id: number }) => `series no. ${p.id}`,
    revokeTitle: (p: { id: number }) => `Revoke series no. ${p.id}?`,
    revokeText:
      'All its codes stop working at once, also the ones you have not used. This cannot be undone: if you need ' +
      'codes, print a new series.',
    revokeConfirm: 'Yes, revoke the series',
    cancel: 'No, go back',
    closedNote: 'It can no longer be printed.',
    pdfTitle: 'Consent code series',
    pdfPatient: 'Patient',
    pdfDni: 'DNI',
    pdfSeries: 'Series',
    pdfValidUntil: 'Valid until',
    pdfCreated: 'Created on',
    pdfInstructions:
      'Each code works only once. When the professional asks for your token, give the first code you have not ' +
      'used and cross it out. Keep this sheet like an ID: whoever has it can give your consent. If you lose it, ' +
      'revoke it in the portal (Generate token → Printed series).',
    pdfUsed: (p: { when: string }) => `used on ${p.when}`,
  },
);

/** "23/11/2026" (es) / "11/23/2026" (en). */
export function formatCivilDate(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-');
  return lang === 'es' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}
