// "Tomar turno": a specialty or study (by the center's selection mode), or directly a professional.
import type { SelectionMode } from '../../../platform/db/schema.js';
import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { bookingMessages } from '../booking.messages.js';
import type { Choice } from '../web-booking.service.js';
import { ContactList, link } from './common.js';

export interface ChooseData {
  state: 'open' | 'off' | 'disabled';
  note: string;
  mode: SelectionMode;
  services: Choice[];
  professionals: (Choice & { services: Choice[] })[];
}

function Closed(props: { page: Page; data: ChooseData }) {
  const t = bookingMessages(props.page.lang);
  const off = props.data.state === 'off';
  return (
    <section class="card notice" aria-labelledby="closed-title">
      <h2 id="closed-title">{off ? t('offTitle') : t('disabledTitle')}</h2>
      {!off && props.data.note && (
        <>
          <p>{t('disabledText')}</p>
          <blockquote>
            <p>{props.data.note}</p>
          </blockquote>
        </>
      )}
      <p>{off ? t('offText') : t('disabledContact')}</p>
      <ContactList page={props.page} />
    </section>
  );
}

export function ChoosePage(props: { page: Page; data: ChooseData; missing?: boolean }) {
  const { page, data } = props;
  const t = bookingMessages(page.lang);
  const byStudy = data.mode === 'BY_STUDY';
  const param = byStudy ? 'estudio' : 'especialidad';
  const missingId = 'service-missing';
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      {page.center.mailPhrase && <p class="info">{page.center.mailPhrase}</p>}
      {data.state !== 'open' ? (
        <Closed page={page} data={data} />
      ) : data.professionals.length === 0 ? (
        <p class="notice">{t('nothing')}</p>
      ) : (
        <>
          <section class="card" aria-labelledby="by-service">
            <h2 id="by-service">{byStudy ? t('byStudy') : t('bySpecialty')}</h2>
            <p>{byStudy ? t('byStudyText') : t('bySpecialtyText')}</p>
            <form method="get" action="/turnos/profesionales">
              <label for="service">{byStudy ? t('study') : t('specialty')}</label>
              {props.missing && (
                <p class="field-error" id={missingId} role="alert">
                  {byStudy ? t('missingStudy') : t('missingSpecialty')}
                </p>
              )}
              <select
                id="service"
                name={param}
                required
                aria-invalid={props.missing ? 'true' : undefined}
                aria-describedby={props.missing ? missingId : undefined}
              >
                <option value="">{byStudy ? t('chooseStudy') : t('chooseSpecialty')}</option>
                {data.services.map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {s.name}
                  </option>
                ))}
              </select>
              <button type="submit">{t('seeProfessionals')}</button>
            </form>
          </section>
          <section class="card" aria-labelledby="by-professional">
            <h2 id="by-professional">{t('byProfessional')}</h2>
            <p>{byStudy ? t('byProfessionalStudy') : t('byProfessionalSpecialty')}</p>
            <ul class="choices">
              {data.professionals.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  <ul>
                    {p.services.map((s) => (
                      <li key={s.id}>
                        <a href={link(`/turnos/profesional/${p.id}`, { [param]: s.id })}>
                          <span class="sr-only">{p.name}: </span>
                          {s.name}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Layout>
  );
}
