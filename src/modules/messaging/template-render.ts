// A saved template rendered for one recipient, in the shape its channel's outbox row needs. Templates are
// plain text (the manual's editor); the mail's HTML part is that text escaped, with its links clickable.
import type { MessageTemplate } from '../../platform/db/schema.js';
import { whatsAppParameter } from '../../platform/whatsapp/cloud-api.js';
import { escapeHtml, type PlaceholderValues, renderTemplate, usedPlaceholders } from './templates.rules.js';

export interface RenderedMessage {
  /** Mail subject (the template's title); empty for SMS and WhatsApp. */
  subject: string;
  /** What the patient reads, and what the send log shows. */
  text: string;
  /** Mail only. */
  html: string;
  /** WhatsApp only: the approved template's name, language and {{1}}, {{2}}… values. */
  payload?: { name: string; language: string; bodyParameters: string[] };
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

export function textToHtml(text: string): string {
  const body = escapeHtml(text)
    .replace(URL_IN_TEXT, (url) => `<a href="${url}">${url}</a>`)
    .split(/\r?\n/)
    .join('<br>\n');
  return `<!doctype html><html><body style="font-family:sans-serif;font-size:16px;line-height:1.5">${body}</body></html>`;
}

export function renderMessage(
  template: Pick<MessageTemplate, 'channel' | 'title' | 'body' | 'waTemplate' | 'waLanguage'>,
  values: PlaceholderValues,
): RenderedMessage {
  const text = renderTemplate(template.body, values);
  if (template.channel === 'mail') {
    return { subject: renderTemplate(template.title, values), text, html: textToHtml(text) };
  }
  if (template.channel === 'sms') return { subject: '', text, html: '' };
  // The approved template's {{1}}, {{2}}… are the placeholders of our copy of its body, in order.
  const bodyParameters = usedPlaceholders(template.body).map((name) => whatsAppParameter(values[name] ?? ''));
  return {
    subject: '',
    text,
    html: '',
    payload: { name: template.waTemplate, language: template.waLanguage, bodyParameters },
  };
}
