// Recordatorios automáticos: the rules with their state and how much they sent, a form to add one, and the
// page of one rule (change, pause, delete).
import type { MessageChannel, MessageTemplate, ReminderRule } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, Field, type FormState, SelectField } from '../../patients/views/form.js';
import type { RuleRow } from '../reminder-rules.service.js';
import { reminderRulesMessages } from '../reminders.messages.js';

export const RULES_PATH = '/staff/mensajes/automaticos';

type T = ReturnType<typeof reminderRulesMessages>;
const channelName = (t: T, channel: MessageChannel) => t(`channel_${channel}`);
/** What the rule forms show of a template. */
type TemplateChoice = Pick<MessageTemplate, 'id' | 'channel' | 'title'>;

function templateOptions(lang: Lang, templates: TemplateChoice[]) {
  const t = reminderRulesMessages(lang);
  return templates.map((tpl) => ({
    value: String(tpl.id),
    label: t('templateOption', { channel: channelName(t, tpl.channel), title: tpl.title }),
  }));
}

function RuleFields(props: { page: StaffPage; form: FormState; templates: TemplateChoice[] }) {
  const { page, form } = props;
  const t = reminderRulesMessages(page.lang);
  return (
    <>
      <SelectField
        name="templateId"
        label={t('template')}
        hint={t('templateHint')}
        form={form}
        options={templateOptions(page.lang, props.templates)}
        lang={page.lang}
      />
      <Field
        name="hoursBefore"
        label={t('hours')}
        hint={t('hoursHint')}
        type="number"
        inputMode="numeric"
        form={form}
        autocomplete="off"
      />
      <div class="field">
        <label>
          <input type="checkbox" name="enabled" value="1" checked={form.values.enabled === '1'} /> {t('enabled')}
        </label>
      </div>
    </>
  );
}

function NoTemplates(props: { t: T }) {
  return (
    <p class="info">
      {props.t('noTemplates')} <a href="/staff/mensajes/plantillas">{props.t('templatesLink')}</a>
    </p>
  );
}

export function RulesPage(props: {
  page: StaffPage;
  rules: RuleRow[];
  templates: TemplateChoice[];
  form: FormState;
  flash?: string | undefined;
  alert?: string | undefined;
}) {
  const { page } = props;
  const t = reminderRulesMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p class="muted">{t('intro')}</p>
      <Flash text={props.flash} />
      {props.rules.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <TableHead columns={[t('template'), t('channel'), t('when'), t('state'), t('queued')]} links={t('links')} />
            <tbody>
              {props.rules.map((r) => {
                const name = `${r.templateTitle}, ${t('hoursBefore', { hours: r.hoursBefore })}`;
                return (
                  <tr key={r.id} id={`regla-${r.id}`} class={r.enabled === 1 ? undefined : 'muted'}>
                    <td>{r.templateTitle}</td>
                    <td>{channelName(t, r.channel)}</td>
                    <td>{t('hoursBefore', { hours: r.hoursBefore })}</td>
                    <td>{r.enabled === 1 ? t('on') : t('off')}</td>
                    <td>{r.queued}</td>
                    <td>
                      <RowLink href={`${RULES_PATH}/${r.id}`} label={t('edit')} row={name} />{' '}
                      <form method="post" action={`${RULES_PATH}/${r.id}/estado`} class="inline">
                        <Csrf page={page} />
                        <input type="hidden" name="enabled" value={r.enabled === 1 ? '0' : '1'} />
                        <button type="submit" class="small secondary">
                          {r.enabled === 1 ? t('pause') : t('resume')}
                          <span class="sr-only"> {name}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="nuevo">{t('newRule')}</h2>
      {props.alert && <Alert>{props.alert}</Alert>}
      {props.templates.length === 0 ? (
        <NoTemplates t={t} />
      ) : (
        <form method="post" action={RULES_PATH} class="card narrow" novalidate>
          <Csrf page={page} />
          <RuleFields page={page} form={props.form} templates={props.templates} />
          <button type="submit">{t('create')}</button>
        </form>
      )}
    </StaffLayout>
  );
}

export function RulePage(props: {
  page: StaffPage;
  rule: ReminderRule;
  templates: TemplateChoice[];
  form: FormState;
  flash?: string | undefined;
  alert?: string | undefined;
}) {
  const { page, rule } = props;
  const t = reminderRulesMessages(page.lang);
  const template = props.templates.find((tpl) => tpl.id === rule.templateId);
  const what = `${template?.title ?? ''}, ${t('hoursBefore', { hours: rule.hoursBefore })}`;
  return (
    <StaffLayout page={page} title={`${t('editTitle', { what })} · ${t('title')}`}>
      <h1>{t('editTitle', { what })}</h1>
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <form method="post" action={`${RULES_PATH}/${rule.id}`} class="card narrow" novalidate>
        <Csrf page={page} />
        <RuleFields page={page} form={props.form} templates={props.templates} />
        <button type="submit">{t('save')}</button>
      </form>
      <h2>{t('delete')}</h2>
      <form method="post" action={`${RULES_PATH}/${rule.id}/borrar`} class="card narrow">
        <Csrf page={page} />
        <p class="muted">{t('deleteHint')}</p>
        <button type="submit" class="danger">
          {t('delete')}
        </button>
      </form>
      <p>
        <a href={RULES_PATH}>{t('back')}</a>
      </p>
    </StaffLayout>
  );
}
