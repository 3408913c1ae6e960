import { Layout } from '../../../views/layout.js';
import { layoutMessages } from '../../../views/layout.messages.js';
import type { Page } from '../../../views/page.js';
import { homeMessages } from '../home.messages.js';

export interface HomeSpecialty {
  name: string;
  professionals: string[];
}

function ContactCard(props: { page: Page }) {
  const { center, lang } = props.page;
  const t = homeMessages(lang);
  const l = layoutMessages(lang);
  return (
    <section class="card notice" role="status">
      <h2>{t('offTitle')}</h2>
      <p>{t('offText')}</p>
      <ul>
        {center.phones && (
          <li>
            {l('phone')}: {center.phones}
          </li>
        )}
        {center.contactHours && (
          <li>
            {l('hours')}: {center.contactHours}
          </li>
        )}
        {center.contactEmail && (
          <li>
            {l('email')}: <a href={`mailto:${center.contactEmail}`}>{center.contactEmail}</a>
          </li>
        )}
      </ul>
    </section>
  );
}

export function HomePage(props: { page: Page; specialties: HomeSpecialty[] }) {
  const { page } = props;
  const { center } = page;
  const t = homeMessages(page.lang);
  const l = layoutMessages(page.lang);
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('welcome', { center: center.name })}</h1>
      {center.welcomePhrase && <p class="info">{center.welcomePhrase}</p>}
      {!center.webBookingEnabled && <ContactCard page={page} />}
      {page.patient ? (
        <section class="card" aria-labelledby="what-now">
          <h2 id="what-now">{t('hello', { name: page.patient.name })}</h2>
          <p>{t('whatNow')}</p>
          <p class="actions">
            {center.webBookingEnabled && (
              <a class="button" href="/turnos/nuevo">
                {l('book')}
              </a>
            )}
            <a class="button secondary" href="/mis-turnos">
              {l('myAppointments')}
            </a>
            <a class="button secondary" href="/mis-datos">
              {l('myData')}
            </a>
          </p>
        </section>
      ) : (
        <div class="cards">
          <section class="card" aria-labelledby="user-title">
            <h2 id="user-title">{t('userTitle')}</h2>
            <p>{t('userText', { center: center.name })}</p>
            <a class="button" href="/ingresar">
              {t('login')} ›
            </a>
          </section>
          <section class="card" aria-labelledby="new-title">
            <h2 id="new-title">{t('newTitle')}</h2>
            <p>{t('newText', { center: center.name })}</p>
            <a class="button" href="/registrarse">
              {t('register')} ›
            </a>
          </section>
        </div>
      )}
      {center.webBookingEnabled && props.specialties.length > 0 && (
        <section class="card" aria-labelledby="specialties-title">
          <h2 id="specialties-title">{t('specialties')}</h2>
          <ul>
            {props.specialties.map((s) => (
              <li key={s.name}>
                <strong>{s.name}</strong>: {s.professionals.join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
