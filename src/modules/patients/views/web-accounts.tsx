// "Pacientes web" in the back office: the list with its search and state filter, in pages. One account's page:
// web-account.tsx.
import { Fragment } from 'preact';
import { formatStamp } from '../../../platform/calendar/format.js';
import type { StaffPage } from '../../../views/page.js';
import { Pager } from '../../../views/pager.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { webAccountsMessages } from '../web-accounts.staff.messages.js';
import type { WebAccountView } from '../web-accounts.staff.service.js';

export type T = ReturnType<typeof webAccountsMessages>;
export type StateChoice = 'activated' | 'pending' | 'disabled' | 'all';

/** The address words of the state filter, Spanish like the rest of the back office's addresses. */
export const STATE_PARAM: Record<Exclude<StateChoice, 'all'>, string> = {
  activated: 'activado',
  pending: 'pendiente',
  disabled: 'deshabilitado',
};

export function listLink(params: { q?: string; state?: StateChoice; page?: number }): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.state && params.state !== 'all') query.set('estado', STATE_PARAM[params.state]);
  if (params.page && params.page > 1) query.set('pagina', String(params.page));
  const text = query.toString();
  return text ? `/staff/web/pacientes?${text}` : '/staff/web/pacientes';
}

/** "activación/contraseña" may break after its slash instead of widening a narrow column. */
function Breakable(props: { text: string }) {
  const parts = props.text.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={part}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

export const fullName = (a: Pick<WebAccountView, 'lastName' | 'firstName'>) => `${a.lastName}, ${a.firstName}`;

/** The state in words (the tint only repeats it). */
export function StateText(props: { t: T; state: WebAccountView['state'] }) {
  return <span class={`status account-${props.state}`}>{props.t(`state_${props.state}`)}</span>;
}

export function Help(props: { t: T }) {
  const { t } = props;
  return (
    <section class="info help" aria-labelledby="help-title">
      <h2 id="help-title" class="box-title">
        {t('helpTitle')}
      </h2>
      <ul>
        <li>{t('helpPassword')}</li>
        <li>{t('helpEmail')}</li>
        <li>{t('helpActivation')}</li>
      </ul>
    </section>
  );
}

export function WebAccountsPage(props: {
  page: StaffPage;
  q: string;
  state: StateChoice;
  result: { items: WebAccountView[]; total: number; page: number; pageSize: number };
}) {
  const { page, result } = props;
  const t = webAccountsMessages(page.lang);
  const zone = page.center.timeZone;
  const filtered = props.q !== '' || props.state !== 'all';
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>
        <a class="button" href="/staff/web/pacientes/alta">
          {t('newAccount')}
        </a>
      </p>
      <form method="get" action="/staff/web/pacientes" class="filters" aria-label={t('searchForm')}>
        <label>
          {t('search')}
          <input name="q" value={props.q} aria-describedby="q-hint" autoComplete="off" />
        </label>
        <label>
          {t('stateFilter')}
          <select name="estado">
            <option value="">{t('stateAll')}</option>
            {(['activated', 'pending', 'disabled'] as const).map((s) => (
              <option key={s} value={STATE_PARAM[s]} selected={props.state === s}>
                {t(`stateOption_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('searchButton')}</button>
        {filtered && (
          <a class="button secondary" href="/staff/web/pacientes">
            {t('clear')}
          </a>
        )}
      </form>
      <p class="hint" id="q-hint">
        {t('searchHint')}
      </p>
      <p role="status">
        <strong>{t('total', { n: result.total })}</strong>
      </p>
      {result.items.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('dni')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('mobile')}</th>
                <th scope="col">{t('insurer')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('activatedAt')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((a) => (
                <tr key={a.patientId}>
                  <th scope="row">{fullName(a)}</th>
                  <td class="nowrap">{a.dni}</td>
                  <td class="wrap-anywhere">{a.email ?? ''}</td>
                  <td class="nowrap">{a.mobile ?? ''}</td>
                  <td>{a.insurerName ?? t('selfPay')}</td>
                  <td>
                    <StateText t={t} state={a.state} />
                    {a.disabled && a.disabledNote && <span class="hint">{a.disabledNote}</span>}
                  </td>
                  <td class="nowrap">
                    {a.activatedAt ? (
                      formatStamp(page.lang, zone, Date.parse(a.activatedAt))
                    ) : (
                      <span class="muted">{t('notActivated')}</span>
                    )}
                  </td>
                  <td>
                    <a href={`/staff/web/pacientes/${a.patientId}`}>
                      <Breakable text={t('edit')} />
                      <span class="sr-only">: {fullName(a)}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        lang={page.lang}
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        href={(n) => listLink({ q: props.q, state: props.state, page: n })}
      />
      <Help t={t} />
    </StaffLayout>
  );
}
