// Configurar envíos (admins): the mail, SMS and WhatsApp settings, "Enviar prueba", and removing a channel.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { MessageChannel } from '../../platform/db/schema.js';
import { queryOf } from '../../platform/http/request.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { ADMIN, hidden, postedForm } from '../catalog/web-catalog.request.js';
import { emptyForm, type FormState } from '../patients/views/form.js';
import { ChannelSettingsError, channelProblemText } from './channel-problems.rules.js';
import { channelOf, fieldProblems, readChannelForm, savedValues } from './channels.form.js';
import { channelsMessages } from './channels.messages.js';
import {
  deleteChannelSettings,
  getChannelSettingsView,
  saveChannelSettings,
  sendTestMail,
  sendTestSms,
  sendTestWhatsApp,
} from './channels.service.js';
import { CHANNELS_PATH, ChannelsPage, channelUrl, REMOVE_PATH, type TestResult } from './views/channels-page.js';

/** The channel a form is about; an unknown one is a forged or broken form, not a user's mistake. */
function postedChannel(request: FastifyRequest): MessageChannel {
  const channel = channelOf(postedForm(request).text('canal') || (queryOf(request).canal ?? ''));
  if (!channel) throw new AppError('VALIDATION_ERROR', { detail: '«canal» debe ser mail, sms o whatsapp' });
  return channel;
}

export const channelsRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      page: StaffPage,
      channel: MessageChannel,
      extra: { form?: FormState; flash?: string; test?: TestResult; typedSecret?: boolean },
      status = 200,
    ) => {
      const view = await getChannelSettingsView(ctx, { actor: request.actor });
      const form = extra.form ?? emptyForm(savedValues(channel, view));
      return sendPage(reply, <ChannelsPage page={page} channel={channel} view={view} {...extra} form={form} />, status);
    };

    app.get(CHANNELS_PATH, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const query = queryOf(request);
      const channel = channelOf(query.canal ?? '') ?? 'mail';
      const page = await shell.staffPage(request, reply);
      const t = channelsMessages(page.lang);
      const flash = query.ok === 'guardada' ? t('saved') : query.ok === 'quitada' ? t('removed') : undefined;
      return render(request, reply, page, channel, flash ? { flash } : {});
    });

    app.post(CHANNELS_PATH, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const channel = postedChannel(request);
      const form = postedForm(request);
      const typed = readChannelForm(channel, form);
      const base = { actor: request.actor, settings: typed.settings, secret: typed.secret };
      const { to, verifyOnly, template, language } = typed.test;
      const page = await shell.staffPage(request, reply);
      try {
        if (form.text('accion') === 'probar') {
          const test: TestResult =
            channel === 'mail'
              ? { kind: 'mail', result: await sendTestMail(ctx, { ...base, to }) }
              : channel === 'sms'
                ? { kind: 'text', result: await sendTestSms(ctx, { ...base, to, verifyOnly }) }
                : { kind: 'text', result: await sendTestWhatsApp(ctx, { ...base, to, template, language }) };
          return render(request, reply, page, channel, {
            form: emptyForm(typed.values),
            test,
            typedSecret: typed.secret !== '',
          });
        }
        await saveChannelSettings(ctx, { ...base, channel, eraseSecret: typed.eraseSecret });
        return reply.redirect(channelUrl(channel, 'guardada'), 303);
      } catch (error) {
        if (!(error instanceof ChannelSettingsError)) throw error;
        const errors: Record<string, string> = {};
        for (const [field, problem] of Object.entries(fieldProblems(channel, error.problems, typed.values))) {
          errors[field] = channelProblemText(page.lang, problem);
        }
        return render(request, reply, page, channel, { form: { values: typed.values, errors } }, 400);
      }
    });

    app.post(REMOVE_PATH, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const channel = postedChannel(request);
      await deleteChannelSettings(ctx, { actor: request.actor, channel });
      return reply.redirect(channelUrl(channel, 'quitada'), 303);
    });
  };
