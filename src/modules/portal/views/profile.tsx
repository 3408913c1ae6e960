// Perfil del usuario: photo (chosen square with photo-crop.js, center-cropped by CSS without it), language,
// security question and password, each its own form so a mistake in one keeps the others as they were.
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { fieldMessages } from '../../patients/accounts.fields.messages.js';
import { profileMessages } from '../../patients/accounts.profile.messages.js';
import { Alert, ErrorSummary, Field, type FormState, SelectField } from '../../patients/views/form.js';
import { portalMessages } from '../portal.messages.js';
import { portalProfileMessages } from '../profile.messages.js';
import { PHOTO_MAX_BYTES, type Profile } from '../profile.service.js';
import { SECURITY_QUESTIONS } from '../security-answer.js';
import { PortalNav } from './portal-nav.js';
import { ProfilePhoto } from './profile-photo.js';

export type ProfileFlash = 'photo' | 'photoRemoved' | 'lang' | 'security' | 'password';
export type ProfileForm = 'photo' | 'lang' | 'security' | 'password';

export interface ProfileView {
  profile: Profile;
  security: FormState;
  password: FormState;
  flash?: ProfileFlash | undefined;
  /** A message about one form that is not about a field of it (a refused photo, too many attempts). */
  alert?: { form: ProfileForm; text: string } | undefined;
}

function PhotoSection(props: { page: Page; view: ProfileView }) {
  const { page, view } = props;
  const t = portalProfileMessages(page.lang);
  const error = view.alert?.form === 'photo' ? view.alert.text : null;
  return (
    <section class="card" aria-labelledby="photo-title">
      <h2 id="photo-title">{t('photoTitle')}</h2>
      {view.profile.hasPhoto ? <ProfilePhoto alt={t('photoAlt')} /> : <p>{t('noPhoto')}</p>}
      <form method="post" action="/portal/perfil/foto" enctype="multipart/form-data" data-photo-crop>
        <Csrf page={page} />
        <div class="field">
          <label for="f-foto">{t('chooseFile')}</label>
          <span class="hint" id="f-foto-hint">
            {t('photoHint', { mb: PHOTO_MAX_BYTES / (1024 * 1024) })}
          </span>
          {error && (
            <p class="field-error" id="f-foto-error" role="alert">
              {error}
            </p>
          )}
          <input
            id="f-foto"
            name="foto"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'f-foto-hint f-foto-error' : 'f-foto-hint'}
          />
        </div>
        {/* Shown by photo-crop.js once a picture is chosen; the controls have no name, so they are never sent. */}
        <div class="photo-crop" data-crop-box hidden>
          <p class="hint">{t('cropHint')}</p>
          <canvas width="240" height="240" role="img" aria-label={t('cropPreview')} data-crop-preview />
          <label for="crop-zoom">{t('zoom')}</label>
          <input id="crop-zoom" type="range" min="100" max="400" value="100" data-crop="zoom" />
          <label for="crop-x">{t('moveX')}</label>
          <input id="crop-x" type="range" min="0" max="100" value="50" data-crop="x" />
          <label for="crop-y">{t('moveY')}</label>
          <input id="crop-y" type="range" min="0" max="100" value="50" data-crop="y" />
        </div>
        <p class="actions">
          <button type="submit">{t('upload')}</button>
        </p>
      </form>
      {view.profile.hasPhoto && (
        <form method="post" action="/portal/perfil/foto/quitar">
          <Csrf page={page} />
          <button type="submit" class="secondary">
            {t('removePhoto')}
          </button>
        </form>
      )}
      <script src={page.assets['photo-crop.js']} defer />
    </section>
  );
}

function SecuritySection(props: { page: Page; view: ProfileView }) {
  const { page, view } = props;
  const t = portalProfileMessages(page.lang);
  const q = portalMessages(page.lang);
  const p = profileMessages(page.lang);
  const current = view.profile.securityQuestion;
  const labels = { securityQuestion: t('question'), secretAnswer: t('answer'), securityPassword: p('currentPassword') };
  return (
    <section class="card" aria-labelledby="security-title">
      <h2 id="security-title">{t('securityTitle')}</h2>
      <p>{current ? t('securityCurrent', { question: q(current) }) : t('securityNone')}</p>
      <p class="hint">{t('securityHint')}</p>
      {view.alert?.form === 'security' && <Alert>{view.alert.text}</Alert>}
      <ErrorSummary lang={page.lang} errors={view.security.errors} labels={labels} />
      <form method="post" action="/portal/perfil/seguridad" novalidate>
        <Csrf page={page} />
        <SelectField
          name="securityQuestion"
          label={labels.securityQuestion}
          form={view.security}
          options={SECURITY_QUESTIONS.map((key) => ({ value: key, label: q(key) }))}
          lang={page.lang}
        />
        <Field
          name="secretAnswer"
          label={labels.secretAnswer}
          hint={t('answerHint')}
          form={view.security}
          autocomplete="off"
        />
        <Field
          name="securityPassword"
          label={labels.securityPassword}
          type="password"
          form={view.security}
          autocomplete="current-password"
        />
        <button type="submit">{t('saveSecurity')}</button>
      </form>
    </section>
  );
}

function PasswordSection(props: { page: Page; view: ProfileView }) {
  const { page, view } = props;
  const p = profileMessages(page.lang);
  const f = fieldMessages(page.lang);
  const labels = {
    currentPassword: p('currentPassword'),
    newPassword: p('newPassword'),
    newPasswordRepeat: f('passwordRepeat'),
  };
  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">{p('passwordTitle')}</h2>
      <p class="hint">{p('passwordHint')}</p>
      {view.alert?.form === 'password' && <Alert>{view.alert.text}</Alert>}
      <ErrorSummary lang={page.lang} errors={view.password.errors} labels={labels} />
      <form method="post" action="/portal/perfil/clave" novalidate>
        <Csrf page={page} />
        <Field
          name="currentPassword"
          label={labels.currentPassword}
          type="password"
          form={view.password}
          autocomplete="current-password"
        />
        <Field
          name="newPassword"
          label={labels.newPassword}
          hint={f('passwordRules')}
          type="password"
          form={view.password}
          autocomplete="new-password"
        />
        <Field
          name="newPasswordRepeat"
          label={labels.newPasswordRepeat}
          type="password"
          form={view.password}
          autocomplete="new-password"
        />
        <button type="submit">{p('changePassword')}</button>
      </form>
    </section>
  );
}

export function ProfilePage(props: { page: Page; view: ProfileView }) {
  const { page, view } = props;
  const { profile } = view;
  const t = portalProfileMessages(page.lang);
  const f = fieldMessages(page.lang);
  const title = portalMessages(page.lang)('profile');
  const flash: Record<ProfileFlash, string> = {
    photo: t('savedPhoto'),
    photoRemoved: t('removedPhoto'),
    lang: t('savedLang'),
    security: t('savedSecurity'),
    password: profileMessages(page.lang)('savedPassword'),
  };
  const langForm: FormState = { values: { lang: profile.lang ?? page.lang }, errors: {} };
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <PortalNav page={page} />
      {view.flash && (
        <p class="ok" role="status">
          {flash[view.flash]}
        </p>
      )}
      <section class="card" aria-labelledby="data-title">
        <h2 id="data-title">{t('dataTitle')}</h2>
        <dl class="details">
          <dt>{f('lastName')}</dt>
          <dd>{profile.lastName}</dd>
          <dt>{f('firstName')}</dt>
          <dd>{profile.firstName}</dd>
          <dt>{f('dni')}</dt>
          <dd>{profile.dni}</dd>
          <dt>{f('email')}</dt>
          <dd>{profile.email ?? '—'}</dd>
        </dl>
        <p class="hint">
          {t('dataHint')} <a href="/mis-datos">{t('myData')}</a>
        </p>
      </section>
      <PhotoSection page={page} view={view} />
      <section class="card" aria-labelledby="lang-title">
        <h2 id="lang-title">{t('langTitle')}</h2>
        <form method="post" action="/portal/perfil/idioma">
          <Csrf page={page} />
          <SelectField
            name="lang"
            label={t('langLabel')}
            form={langForm}
            options={[
              { value: 'es', label: 'Español' },
              { value: 'en', label: 'English' },
            ]}
            lang={page.lang}
          />
          <button type="submit">{t('saveLang')}</button>
        </form>
      </section>
      <SecuritySection page={page} view={view} />
      <PasswordSection page={page} view={view} />
    </Layout>
  );
}
