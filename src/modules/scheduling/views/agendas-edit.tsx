// /staff/agendas/horarios/:id: change one block of working hours, or delete it.
import type { Agenda } from '../../../platform/db/schema.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, ErrorSummary } from '../../patients/views/form.js';
import { agendasMessages } from '../agendas.messages.js';
import type { FormBox } from './agendas.js';
import { BlockFields, blockLabels, OrphanList, type ProfessionalChoice } from './agendas-parts.js';

export function AgendaEditPage(props: {
  page: StaffPage;
  block: Agenda;
  professional: ProfessionalChoice;
  edit: FormBox;
  /** A refused deletion: why, and the turnos it would leave outside the agenda. */
  remove?: Omit<FormBox, 'form'> | undefined;
}) {
  const { page, block, professional, edit } = props;
  const t = agendasMessages(page.lang);
  const back = `/staff/agendas?profesional=${professional.id}`;
  return (
    <StaffLayout page={page} title={`${t('editHours')} · ${professional.name}`}>
      <h1>{t('editTitle', { name: professional.name })}</h1>
      <ErrorSummary lang={page.lang} errors={edit.form.errors} labels={blockLabels(page.lang)} />
      {edit.alert && <Alert>{edit.alert}</Alert>}
      {edit.confirm && <OrphanList page={page} confirm={edit.confirm} />}
      <form method="post" action={`/staff/agendas/horarios/${block.id}`} class="card narrow" novalidate>
        <Csrf page={page} />
        <BlockFields page={page} form={edit.form} professional={professional} />
        <button type="submit">{t('save')}</button>
      </form>

      <h2 id="borrar">{t('deleteHours')}</h2>
      <p class="muted">{t('deleteHint')}</p>
      {props.remove?.alert && <Alert>{props.remove.alert}</Alert>}
      {props.remove?.confirm ? (
        <OrphanList page={page} confirm={props.remove.confirm} />
      ) : (
        <form method="post" action={`/staff/agendas/horarios/${block.id}/borrar#borrar`}>
          <Csrf page={page} />
          <button type="submit" class="danger">
            {t('deleteHours')}
          </button>
        </form>
      )}
      <p>
        <a href={back}>{t('back')}</a>
      </p>
    </StaffLayout>
  );
}
