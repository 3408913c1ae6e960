// What is wrong with a channel's settings or test, field by field. The schemas in channels.rules.ts are the
// rule; this turns their findings into problems with a Spanish (and English) sentence each, so the page can
// put every one next to its field and the API can still answer one readable VALIDATION_ERROR.
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { channelsMessages } from './channels.messages.js';
import { messagingRulesMessages, mobileProblemText } from './messaging.rules.messages.js';
import type { MobileProblem } from './phone.rules.js';

export type ChannelProblem =
  | 'required'
  | 'port'
  | 'option'
  | 'email'
  | 'url'
  | 'accountSid'
  | 'phoneNumberId'
  | 'secretRequired'
  | 'twilioSender'
  | 'testEmail'
  | 'testMobile'
  | 'template'
  | 'language'
  | 'tooLong'
  | 'invalid'
  | `mobile_${MobileProblem}`;

/** Problems keyed by the settings' own names, plus `secret` (password or token) and the test's fields. */
export type ChannelProblems = Record<string, ChannelProblem>;

/** Longer than any host, user, address or token a provider hands out: a paste gone wrong. */
export const MAX_FIELD_LENGTH = 500;

// Which sentence a field's wrong value gets; an empty one is always "required".
const INVALID: Record<string, ChannelProblem> = {
  port: 'port',
  security: 'option',
  provider: 'option',
  fromAddress: 'email',
  replyTo: 'email',
  baseUrl: 'url',
  url: 'url',
  accountSid: 'accountSid',
  phoneNumberId: 'phoneNumberId',
};

const isEmpty = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/** The first problem of each field the schema refused, judged against what was typed. */
export function problemsOfIssues(issues: readonly z.core.$ZodIssue[], input: Record<string, unknown>): ChannelProblems {
  const problems: ChannelProblems = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || field in problems) continue;
    problems[field] = isEmpty(input[field]) ? 'required' : (INVALID[field] ?? 'invalid');
  }
  return problems;
}

/** Text fields over MAX_FIELD_LENGTH, before the schema looks at them. */
export function tooLongFields(input: Record<string, unknown>): ChannelProblems {
  const problems: ChannelProblems = {};
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH) problems[field] = 'tooLong';
  }
  return problems;
}

export function channelProblemText(lang: Lang, problem: ChannelProblem): string {
  if (problem.startsWith('mobile_')) {
    return mobileProblemText(messagingRulesMessages(lang), problem.slice('mobile_'.length) as MobileProblem);
  }
  const t = channelsMessages(lang);
  return problem === 'required'
    ? t('required')
    : t(`problem_${problem as Exclude<ChannelProblem, 'required' | `mobile_${MobileProblem}`>}`);
}

/** Refused settings or test: every field's problem at once, so a form can show them all. */
export class ChannelSettingsError extends AppError {
  constructor(readonly problems: ChannelProblems) {
    const detail = Object.entries(problems)
      .map(([field, problem]) => `«${field}»: ${channelProblemText('es', problem)}`)
      .join(' ');
    super('VALIDATION_ERROR', { detail });
  }
}
