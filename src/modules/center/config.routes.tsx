// TURNOS WEB → Configuración básica (admins): the center's web booking switch, data, limits and rules.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { formatStamp } from '../../platform/calendar/format.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { refusedForm } from '../catalog/views/admin-fields.js';
import { ADMIN, attempt, doneOf, hidden, numberOf, postedForm } from '../catalog/web-catalog.request.js';
import { emptyForm } from '../patients/views/form.js';
import { centerChanges } from './center.admin.schemas.js';
import { updateCenter } from './center.admin.service.js';
import { getCenter } from './center.service.js';
import { configMessages } from './config.messages.js';
import { CONFIG, ConfigPage, configValues } from './views/config.js';

// The page always sends every option: one left empty is refused rather than kept as it was.
const wholeConfig = centerChanges.required();

const TEXTS = [
  'name',
  'welcomePhrase',
  'webAddress',
  'contactEmail',
  'phones',
  'address',
  'contactHours',
  'webUserLabel',
  'webAppointmentType',
  'selectionMode',
  'mailPhrase',
  'timeZone',
  'portalIdentityCheck',
  'tokenAlgorithm',
] as const;
const FLAGS = ['webBookingEnabled', 'reasonRequired', 'profileCheckEnabled'] as const;
const NUMBERS = [
  'maxPerDayProfessional',
  'maxFuturePerIp',
  'maxFuturePerPatient',
  'tokenDigits',
  'tokenStepSeconds',
] as const;

function configForm(request: FastifyRequest) {
  const form = postedForm(request);
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const key of TEXTS) values[key] = input[key] = form.text(key);
  for (const key of FLAGS) {
    values[key] = form.flag(key) ? '1' : '';
    input[key] = form.flag(key);
  }
  for (const key of NUMBERS) {
    values[key] = form.text(key);
    input[key] = numberOf(values[key]);
  }
  // No option chosen is a missing answer, not an unknown one.
  if (input.selectionMode === '') input.selectionMode = undefined;
  if (input.portalIdentityCheck === '') input.portalIdentityCheck = undefined;
  if (input.tokenAlgorithm === '') input.tokenAlgorithm = undefined;
  return { values, input };
}

export const configRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get(CONFIG, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, center] = await Promise.all([shell.staffPage(request, reply), getCenter(ctx)]);
      const flash = doneOf(request)?.ok === 'guardada' ? configMessages(page.lang)('saved') : undefined;
      const at = center.profileCheckEnabledAt;
      const since = at ? formatStamp(page.lang, center.timeZone, Date.parse(at)) : null;
      return sendPage(
        reply,
        <ConfigPage page={page} form={emptyForm(configValues(center))} flash={flash} profileCheckSince={since} />,
      );
    });

    app.post(CONFIG, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const { values, input } = configForm(request);
      const outcome = await attempt(reply, wholeConfig, input, (changes) =>
        updateCenter(ctx, { actor: request.actor, changes }),
      );
      if ('value' in outcome) return reply.redirect(`${CONFIG}?ok=guardada`, 303);
      const page = await shell.staffPage(request, reply);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(reply, <ConfigPage page={page} form={form} alert={alert} />, outcome.status);
    });
  };
