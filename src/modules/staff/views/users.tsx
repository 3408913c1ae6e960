import { formatStamp } from '../../../platform/calendar/format.js';
import type { StaffRole, StaffUser } from '../../../platform/db/schema.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, emptyForm, Field, type FormState, SelectField } from '../../patients/views/form.js';
import { usersMessages } from '../users.messages.js';

const ROLES: StaffRole[] = ['admin', 'reception', 'professional'];

export interface Choice {
  value: string;
  label: string;
}

function UserFields(props: { page: StaffPage; form: FormState; professionals: Choice[]; withActive: boolean }) {
  const { page, form } = props;
  const t = usersMessages(page.lang);
  const roles = ROLES.map((r) => ({ value: r, label: t(`role_${r}`) }));
  return (
    <>
      <Field name="name" label={t('name')} form={form} autocomplete="off" />
      <Field name="email" label={t('email')} type="email" form={form} required={false} autocomplete="off" />
      <SelectField name="role" label={t('role')} form={form} options={roles} lang={page.lang} />
      <SelectField
        name="professionalId"
        label={t('professional')}
        form={form}
        options={props.professionals}
        lang={page.lang}
        required={false}
      />
      {props.withActive && (
        <div class="field">
          <label>
            <input type="checkbox" name="active" value="1" checked={form.values.active === '1'} /> {t('active')}
          </label>
        </div>
      )}
    </>
  );
}

export function UsersPage(props: {
  page: StaffPage;
  users: StaffUser[];
  professionals: Choice[];
  form: FormState;
  flash?: string | undefined;
  alert?: string | undefined;
}) {
  const { page, form } = props;
  const t = usersMessages(page.lang);
  const zone = page.center.timeZone;
  const proName = new Map(props.professionals.map((p) => [p.value, p.label]));
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p class="muted">{t('intro')}</p>
      <Flash text={props.flash} />
      <div class="table-wrap">
        <table class="dense">
          <TableHead
            columns={[t('name'), t('username'), t('email'), t('role'), t('active'), t('lastLogin')]}
            links={t('edit')}
          />
          <tbody>
            {props.users.map((u) => (
              <tr key={u.id} class={u.active === 1 ? undefined : 'muted'}>
                <td>{u.name}</td>
                <td>{u.username}</td>
                <td>{u.email ?? t('none')}</td>
                <td>
                  {t(`role_${u.role}`)}
                  {u.professionalId !== null && ` · ${proName.get(String(u.professionalId)) ?? ''}`}
                </td>
                <td>{u.active === 1 ? t('yes') : t('no')}</td>
                <td>{u.lastLoginAt ? formatStamp(page.lang, zone, Date.parse(u.lastLoginAt)) : t('never')}</td>
                <td>
                  <RowLink href={`/staff/usuarios/${u.id}`} label={t('edit')} row={u.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="nuevo">{t('newUser')}</h2>
      {props.alert && <Alert>{props.alert}</Alert>}
      <form method="post" action="/staff/usuarios" class="card narrow" novalidate>
        <Csrf page={page} />
        <Field name="username" label={t('username')} form={form} autocomplete="off" />
        <UserFields page={page} form={form} professionals={props.professionals} withActive={false} />
        <Field
          name="password"
          label={t('password')}
          hint={t('passwordHint')}
          type="password"
          form={form}
          autocomplete="new-password"
        />
        <button type="submit">{t('create')}</button>
      </form>
    </StaffLayout>
  );
}

export function UserPage(props: {
  page: StaffPage;
  user: StaffUser;
  professionals: Choice[];
  form: FormState;
  flash?: string | undefined;
  alert?: string | undefined;
}) {
  const { page, user } = props;
  const t = usersMessages(page.lang);
  return (
    <StaffLayout page={page} title={`${user.name} · ${t('title')}`}>
      <h1>
        {user.name} <span class="muted">({user.username})</span>
      </h1>
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <form method="post" action={`/staff/usuarios/${user.id}`} class="card narrow" novalidate>
        <Csrf page={page} />
        <UserFields page={page} form={props.form} professionals={props.professionals} withActive={true} />
        <button type="submit">{t('save')}</button>
      </form>
      <h2>{t('setPassword')}</h2>
      <form method="post" action={`/staff/usuarios/${user.id}/clave`} class="card narrow" novalidate>
        <Csrf page={page} />
        <Field
          name="password"
          label={t('newPassword')}
          hint={t('setPasswordHint')}
          type="password"
          form={emptyForm()}
          autocomplete="new-password"
        />
        <button type="submit">{t('setPassword')}</button>
      </form>
      <p>
        <a href="/staff/usuarios">{t('back')}</a>
      </p>
    </StaffLayout>
  );
}
