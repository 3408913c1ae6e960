import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, emptyForm, Field } from '../../patients/views/form.js';
import { staffMessages } from '../staff.messages.js';

const empty = emptyForm();

export function SecondStepPage(props: { page: StaffPage; volver: string; alert?: string | undefined }) {
  const { page } = props;
  const t = staffMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('codeTitle')}>
      <h1>{t('codeTitle')}</h1>
      <p>{t('codeText')}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <form method="post" action="/staff/ingresar/codigo" class="card narrow" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="volver" value={props.volver} />
        <Field name="code" label={t('code')} form={empty} inputMode="numeric" autocomplete="one-time-code" />
        <button type="submit">{t('verify')}</button>
      </form>
    </StaffLayout>
  );
}

export interface AccountView {
  name: string;
  username: string;
  twoFactor: boolean;
  /** While two-step is off: the secret on offer and its QR code (SVG made here, not by the browser). */
  setup?: { secret: string; qrSvg: string } | undefined;
  flash?: string | undefined;
  alert?: string | undefined;
}

export function AccountPage(props: { page: StaffPage; view: AccountView }) {
  const { page, view } = props;
  const t = staffMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('accountTitle')}>
      <h1>
        {t('accountTitle')}: {view.name} <span class="muted">({view.username})</span>
      </h1>
      <Flash text={view.flash} />
      {view.alert && <Alert>{view.alert}</Alert>}
      <h2>{t('codeTitle')}</h2>
      {view.twoFactor ? (
        <form method="post" action="/staff/mi-cuenta/dos-pasos/desactivar" class="card narrow" novalidate>
          <Csrf page={page} />
          <p>{t('twoFactorOn')}</p>
          <Field
            name="password"
            label={t('currentPassword')}
            type="password"
            form={empty}
            autocomplete="current-password"
          />
          <button type="submit" class="danger">
            {t('disable')}
          </button>
        </form>
      ) : (
        view.setup && (
          <form method="post" action="/staff/mi-cuenta/dos-pasos" class="card narrow" novalidate>
            <Csrf page={page} />
            <p>{t('twoFactorOff')}</p>
            <div
              class="qr"
              role="img"
              aria-label={t('codeTitle')}
              // An SVG the qrcode library made from our own address: no text from a visitor in it.
              dangerouslySetInnerHTML={{ __html: view.setup.qrSvg }}
            />
            <p>
              {t('secretText')} <code>{view.setup.secret}</code>
            </p>
            <input type="hidden" name="secret" value={view.setup.secret} />
            <Field name="code" label={t('code')} form={empty} inputMode="numeric" autocomplete="one-time-code" />
            <button type="submit">{t('enable')}</button>
          </form>
        )
      )}
      <h2>{t('changePassword')}</h2>
      <form method="post" action="/staff/mi-cuenta/clave" class="card narrow" novalidate>
        <Csrf page={page} />
        <Field
          name="current"
          label={t('currentPassword')}
          type="password"
          form={empty}
          autocomplete="current-password"
        />
        <Field
          name="next"
          label={t('newPassword')}
          hint={t('passwordHint')}
          type="password"
          form={empty}
          autocomplete="new-password"
        />
        <button type="submit">{t('changePassword')}</button>
      </form>
    </StaffLayout>
  );
}
