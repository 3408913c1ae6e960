// Reminder templates: "[[PACIENTE]]"-style placeholders (the manual's notation), the check that refuses a
// misspelt one at save time, and the rendering of a template for one turno, as text or as HTML.

export const PLACEHOLDERS = [
  { name: 'PACIENTE', es: 'Nombre y apellido del paciente', en: "Patient's full name" },
  { name: 'FECHA', es: 'Día del turno, por ejemplo "jueves 26/11"', en: 'Day of the turno, e.g. "jueves 26/11"' },
  { name: 'HORA', es: 'Hora del turno, por ejemplo "09:40"', en: 'Time of the turno, e.g. "09:40"' },
  { name: 'PROFESIONAL', es: 'Profesional que atiende', en: 'Professional who sees the patient' },
  { name: 'ESPECIALIDAD', es: 'Especialidad del turno', en: 'Specialty of the turno' },
  { name: 'ESTUDIO', es: 'Estudio o práctica del turno', en: 'Study or procedure of the turno' },
  { name: 'INDICACION', es: 'Indicaciones para el estudio (ayuno, orden…)', en: 'Instructions for the study' },
  { name: 'OBRA_SOCIAL', es: 'Obra social o prepaga del paciente', en: "Patient's insurer" },
  { name: 'CENTRO', es: 'Nombre del centro médico', en: 'Name of the medical center' },
  { name: 'DIRECCION', es: 'Dirección del centro', en: "Center's address" },
  { name: 'TELEFONO', es: 'Teléfono del centro', en: "Center's phone" },
  { name: 'CONFIRMAR', es: 'Link para confirmar la asistencia', en: 'Link to confirm attendance' },
  { name: 'CANCELAR', es: 'Link para cancelar el turno', en: 'Link to cancel the turno' },
  {
    name: 'VIDEO',
    es: 'Link de la videollamada, si el turno es una teleconsulta (vacío si no)',
    en: 'Video call link, when the turno is a teleconsultation (empty otherwise)',
  },
] as const;

export type PlaceholderName = (typeof PLACEHOLDERS)[number]['name'];
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

const NAMES: ReadonlySet<PlaceholderName> = new Set(PLACEHOLDERS.map((p) => p.name));
export const isPlaceholderName = (name: string): name is PlaceholderName => NAMES.has(name as PlaceholderName);

/** "[[PACIENTE]]": what the help box inserts. */
export const placeholderToken = (name: PlaceholderName) => `[[${name}]]`;

export interface TemplateProblem {
  /** Exactly as written, so the message can name it: "[[PACIENT]]", "[[PACIENTE]", "[PACIENTE]]". */
  token: string;
  kind: 'unknown' | 'malformed';
  /** Offset of its first occurrence in the text. */
  index: number;
  /** The placeholder it most likely meant, written correctly. */
  suggestion?: string;
}

// A well-formed token: double brackets around anything without brackets.
const TOKEN = /\[\[([^[\]]*)\]\]/g;
// What is left around a stray bracket once the good tokens are blanked out.
const FRAGMENT = /\[+[^[\]\s]*\]*|[^[\]\s]*\]+/g;

/** Edit distance, small strings only: enough to tell "PACIENT" means "PACIENTE". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** "Obra social" → "OBRA_SOCIAL", "dirección" → "DIRECCION": how people misspell a name. */
const canonical = (inner: string) =>
  inner
    .trim()
    .toUpperCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\s-]+/g, '_');

function suggest(inner: string): string | undefined {
  const word = canonical(inner);
  if (word === '') return undefined;
  let best: { name: PlaceholderName; d: number } | undefined;
  for (const name of NAMES) {
    const d = distance(word, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(best.name.length / 4)) ? placeholderToken(best.name) : undefined;
}

/**
 * Every placeholder the system would not replace, each named once. Unknown: "[[PACIENT]]",
 * "[[paciente]]" (names are exact). Malformed: a missing bracket, "[[PACIENTE]" or "[PACIENTE]]";
 * "[PACIENTE]" too, since it names a placeholder. A lone "[nota]" is ordinary text and passes.
 */
export function checkTemplate(text: string): TemplateProblem[] {
  const found = new Map<string, TemplateProblem>();
  const add = (p: TemplateProblem) => {
    if (!found.has(p.token)) found.set(p.token, p);
  };
  for (const m of text.matchAll(TOKEN)) {
    if (isPlaceholderName(m[1]!)) continue;
    const suggestion = suggest(m[1]!);
    add({ token: m[0], kind: 'unknown', index: m.index, ...(suggestion ? { suggestion } : {}) });
  }
  const rest = text.replace(TOKEN, (m) => ' '.repeat(m.length));
  for (const m of rest.matchAll(FRAGMENT)) {
    const inner = m[0].replace(/[[\]]/g, '');
    const doubled = m[0].includes('[[') || m[0].includes(']]');
    const suggestion = suggest(inner);
    if (!doubled && !isPlaceholderName(canonical(inner))) continue;
    add({ token: m[0], kind: 'malformed', index: m.index, ...(suggestion ? { suggestion } : {}) });
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** The known placeholders a template uses, once each, in order of appearance. */
export function usedPlaceholders(text: string): PlaceholderName[] {
  const names = [...text.matchAll(TOKEN)].map((m) => m[1]!).filter(isPlaceholderName);
  return [...new Set(names)];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * Replaces each known placeholder with its value in one pass, so a value that itself reads "[[CANCELAR]]"
 * (a patient can type anything as a name) is printed, never expanded. A missing value renders as empty;
 * unknown tokens stay as written (saving refused them already). A mail's HTML part escapes the result.
 */
export function renderTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(TOKEN, (token, name: string) => (isPlaceholderName(name) ? (values[name] ?? '') : token));
}
