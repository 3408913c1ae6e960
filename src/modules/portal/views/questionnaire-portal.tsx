// Cuestionarios of the portal: the list (to fill in, drafts, sent), the form, and a sent one read only.
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { Alert, ErrorSummary } from '../../patients/views/form.js';
import type { RequestView } from '../questionnaire-requests.service.js';
import { stampText, turnoWhen } from '../questionnaires.format.js';
import { questionnairesMessages } from '../questionnaires.messages.js';
import { PortalNav } from './portal-nav.js';
import { AnswersList } from './questionnaire-answers.js';
import { answerField, QuestionInput } from './questionnaire-fields.js';

export const PORTAL_QUESTIONNAIRES = '/portal/cuestionarios';

function Notice(props: { text?: string | null | undefined }) {
  if (!props.text) return null;
  return (
    <p class="ok" role="status">
      {props.text}
    </p>
  );
}

function TurnoLine(props: { page: Page; request: RequestView }) {
  const { page, request } = props;
  if (!request.turno) return null;
  const t = questionnairesMessages(page.lang);
  const when = turnoWhen(page.lang, page.center.timeZone, request.turno.startsAt);
  return (
    <p class="q-turno">{t('forTurno', { when: request.turno.what ? `${when} (${request.turno.what})` : when })}</p>
  );
}

function Section(props: {
  page: Page;
  id: string;
  heading: string;
  empty: string;
  items: RequestView[];
  link: string;
}) {
  const { page } = props;
  const t = questionnairesMessages(page.lang);
  const zone = page.center.timeZone;
  return (
    <section aria-labelledby={`h-${props.id}`}>
      <h2 id={`h-${props.id}`}>{props.heading}</h2>
      {props.items.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <ul class="q-list">
          {props.items.map((r) => (
            <li key={r.id} class="card">
              <h3>{r.title}</h3>
              <TurnoLine page={page} request={r} />
              {r.status === 'draft' && r.savedAt && (
                <p>{t('savedAt', { when: stampText(page.lang, zone, r.savedAt) })}</p>
              )}
              {r.status === 'submitted' && r.submittedAt && (
                <p>{t('submittedAt', { when: stampText(page.lang, zone, r.submittedAt) })}</p>
              )}
              <p>
                <a class="button" href={`${PORTAL_QUESTIONNAIRES}/${r.id}`}>
                  {props.link}
                  <span class="sr-only"> {r.title}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyQuestionnairesPage(props: { page: Page; requests: RequestView[] }) {
  const { page, requests } = props;
  const t = questionnairesMessages(page.lang);
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <PortalNav page={page} />
      <p>{t('intro')}</p>
      <Section
        page={page}
        id="pendientes"
        heading={t('pendingHeading')}
        empty={t('nonePending')}
        items={requests.filter((r) => r.status === 'pending')}
        link={t('fill')}
      />
      <Section
        page={page}
        id="borradores"
        heading={t('draftsHeading')}
        empty={t('noneDrafts')}
        items={requests.filter((r) => r.status === 'draft')}
        link={t('continue')}
      />
      <Section
        page={page}
        id="enviados"
        heading={t('submittedHeading')}
        empty={t('noneSubmitted')}
        items={requests.filter((r) => r.status === 'submitted')}
        link={t('view')}
      />
    </Layout>
  );
}

function Intro(props: { text: string }) {
  if (!props.text) return null;
  return (
    <div class="q-intro">
      {props.text.split(/\n\s*\n/).map((p) => (
        <p key={p}>{p}</p>
      ))}
    </div>
  );
}

/** The form with every question; after a refusal, what was typed and each problem next to its question. */
export function FillQuestionnairePage(props: {
  page: Page;
  request: RequestView;
  values: ReadonlyMap<number, string>;
  errors: ReadonlyMap<number, string>;
  alert?: string | undefined;
  notice?: string | undefined;
}) {
  const { page, request } = props;
  const t = questionnairesMessages(page.lang);
  const errors = Object.fromEntries([...props.errors].map(([id, text]) => [answerField(id), text]));
  const labels = Object.fromEntries(
    request.questions.map((q, i) => [answerField(q.questionId), `${i + 1}. ${q.label}`]),
  );
  return (
    <Layout page={page} title={request.title}>
      <h1>{request.title}</h1>
      <PortalNav page={page} />
      <p>
        <a href={PORTAL_QUESTIONNAIRES}>{t('back')}</a>
      </p>
      <Notice text={props.notice} />
      <ErrorSummary lang={page.lang} errors={errors} labels={labels} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <TurnoLine page={page} request={request} />
      <Intro text={request.intro} />
      {request.questions.some((q) => q.required) && <p class="hint">{t('requiredNote')}</p>}
      <form method="post" action={`${PORTAL_QUESTIONNAIRES}/${request.id}`} class="card q-form" novalidate>
        <Csrf page={page} />
        {request.questions.map((q, i) => (
          <QuestionInput
            key={q.questionId}
            lang={page.lang}
            q={q}
            n={i + 1}
            value={props.values.get(q.questionId) ?? ''}
            error={props.errors.get(q.questionId)}
          />
        ))}
        <p class="hint" id="q-buttons-note">
          {t('buttonsNote')}
        </p>
        {/* The draft button comes first: Enter in a field saves, it never sends by surprise. */}
        <p class="actions">
          <button type="submit" name="accion" value="borrador" class="secondary" aria-describedby="q-buttons-note">
            {t('saveDraft')}
          </button>
          <button type="submit" name="accion" value="enviar" aria-describedby="q-buttons-note">
            {t('submit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** A sent questionnaire: read only, with when it was sent; a second send (another tab) lands here, told so. */
export function SentQuestionnairePage(props: {
  page: Page;
  request: RequestView;
  notice?: string | undefined;
  alert?: string | undefined;
}) {
  const { page, request } = props;
  const t = questionnairesMessages(page.lang);
  return (
    <Layout page={page} title={request.title}>
      <h1>{request.title}</h1>
      <PortalNav page={page} />
      <p>
        <a href={PORTAL_QUESTIONNAIRES}>{t('back')}</a>
      </p>
      <Notice text={props.notice} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <p>{t('readOnly')}</p>
      {request.submittedAt && (
        <p>
          <strong>{t('submittedAt', { when: stampText(page.lang, page.center.timeZone, request.submittedAt) })}</strong>
        </p>
      )}
      <TurnoLine page={page} request={request} />
      <AnswersList lang={page.lang} items={request.questions} />
    </Layout>
  );
}
