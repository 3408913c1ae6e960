// What a template may be saved as, the same for the editor and the API: every problem at once, each tied to
// its field, so the page marks them all and the API's message lists them all.
import type { MessageChannel } from '../../platform/db/schema.js';
import { checkTemplate, type TemplateProblem } from './templates.rules.js';

export const TITLE_MAX = 150;
/** The manual: mail has no practical limit (we cap it), SMS must stay short; WhatsApp's own body limit is 1024. */
export const BODY_MAX: Record<MessageChannel, number> = { mail: 5000, sms: 1000, whatsapp: 1024 };
export const WA_TEMPLATE_MAX = 512;

/** Meta's rule for an approved template's name: lower case letters, digits and underscores. */
export const WA_TEMPLATE = /^[a-z0-9_]+$/;
/** "es", "es_AR", "en_US", "pt_BR": the codes WhatsApp lists for template languages. */
export const WA_LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

export interface TemplateInput {
  channel: MessageChannel;
  title: string;
  body: string;
  /** WhatsApp only; '' for the other channels. */
  waTemplate: string;
  waLanguage: string;
}

export type TemplateField = 'title' | 'body' | 'waTemplate' | 'waLanguage';

export type InputProblem =
  | { field: TemplateField; kind: 'required' | 'format' }
  | { field: TemplateField; kind: 'tooLong'; max: number; length: number }
  | { field: TemplateField; kind: 'placeholder'; problem: TemplateProblem };

/**
 * As it will be stored: the title on one line, the body without the browser's CRLF (a \r would count as an
 * SMS character) nor blank edges. Fields of another channel are dropped.
 */
export function normalizeTemplateInput(raw: {
  channel: MessageChannel;
  title?: string | undefined;
  body?: string | undefined;
  waTemplate?: string | undefined;
  waLanguage?: string | undefined;
}): TemplateInput {
  const wa = raw.channel === 'whatsapp';
  return {
    channel: raw.channel,
    title: (raw.title ?? '').replace(/\s+/g, ' ').trim(),
    body: (raw.body ?? '').replace(/\r\n?/g, '\n').trim(),
    waTemplate: wa ? (raw.waTemplate ?? '').trim() : '',
    waLanguage: wa ? (raw.waLanguage ?? '').trim() : '',
  };
}

function text(field: TemplateField, value: string, max: number): InputProblem[] {
  if (value === '') return [{ field, kind: 'required' }];
  if (value.length > max) return [{ field, kind: 'tooLong', max, length: value.length }];
  return [];
}

const placeholders = (field: TemplateField, value: string): InputProblem[] =>
  checkTemplate(value).map((problem) => ({ field, kind: 'placeholder', problem }));

/** Every reason not to save it; none means it can be saved. */
export function templateInputProblems(input: TemplateInput): InputProblem[] {
  const problems = [...text('title', input.title, TITLE_MAX), ...text('body', input.body, BODY_MAX[input.channel])];
  // Only a mail's title is rendered (its subject); elsewhere it is just the template's name.
  if (input.channel === 'mail') problems.push(...placeholders('title', input.title));
  problems.push(...placeholders('body', input.body));
  if (input.channel === 'whatsapp') {
    const name = text('waTemplate', input.waTemplate, WA_TEMPLATE_MAX);
    if (name.length === 0 && !WA_TEMPLATE.test(input.waTemplate)) name.push({ field: 'waTemplate', kind: 'format' });
    const language = text('waLanguage', input.waLanguage, 10);
    if (language.length === 0 && !WA_LANGUAGE.test(input.waLanguage)) {
      language.push({ field: 'waLanguage', kind: 'format' });
    }
    problems.push(...name, ...language);
  }
  return problems;
}
