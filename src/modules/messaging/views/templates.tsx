// The list of templates with the manual's NUEVO EMAIL / NUEVO SMS buttons (and WhatsApp), and the delete step.
import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import { templatesMessages } from '../templates.messages.js';
import type { TemplateView } from '../templates.service.js';
import { TEMPLATES } from './template-editor.js';

export function TemplatesPage(props: { page: StaffPage; templates: TemplateView[]; flash?: string | undefined }) {
  const { page } = props;
  const t = templatesMessages(page.lang);
  const zone = page.center.timeZone;
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p class="muted">{t('intro')}</p>
      <Flash text={props.flash} />
      <p class="actions">
        <a class="button" href={`${TEMPLATES}/nueva?canal=mail`}>
          {t('newMail')}
        </a>
        <a class="button" href={`${TEMPLATES}/nueva?canal=sms`}>
          {t('newSms')}
        </a>
        <a class="button" href={`${TEMPLATES}/nueva?canal=whatsapp`}>
          {t('newWhatsApp')}
        </a>
      </p>
      {props.templates.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <TableHead columns={[t('colTitle'), t('colChannel'), t('colUpdated')]} links={t('links')} />
            <tbody>
              {props.templates.map((tpl) => (
                <tr key={tpl.id}>
                  <td>
                    <a href={`${TEMPLATES}/${tpl.id}`}>{tpl.title}</a>
                  </td>
                  <td>{t(`channel_${tpl.channel}`)}</td>
                  <td class="nowrap">{formatStamp(page.lang, zone, Date.parse(tpl.updatedAt))}</td>
                  <td class="row-actions">
                    <RowLink href={`${TEMPLATES}/${tpl.id}`} label={t('edit')} row={tpl.title} />
                    <RowLink href={`${TEMPLATES}/${tpl.id}/borrar`} label={t('delete')} row={tpl.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}

export function DeleteTemplatePage(props: { page: StaffPage; template: TemplateView; alert?: string | undefined }) {
  const { page, template } = props;
  const t = templatesMessages(page.lang);
  const title = t('deleteTitle', { title: template.title });
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      {props.alert ? (
        <>
          <Alert>{props.alert}</Alert>
          <p class="actions">
            <a class="button" href={`${TEMPLATES}/${template.id}`}>
              {t('edit')}
            </a>
            <a href={TEMPLATES}>{t('back')}</a>
          </p>
        </>
      ) : (
        <form method="post" action={`${TEMPLATES}/${template.id}/borrar`} class="card narrow">
          <Csrf page={page} />
          <p>{t('deleteText')}</p>
          <p class="actions">
            <button type="submit" class="danger">
              {t('deleteYes')}
            </button>
            <a href={`${TEMPLATES}/${template.id}`}>{t('deleteNo')}</a>
          </p>
        </form>
      )}
    </StaffLayout>
  );
}
