import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { infoMessages } from '../info.messages.js';

export interface InsurerItem {
  id: number;
  webName: string;
  generalMessage: string;
  selfPay: boolean;
}

export function InsurersPage(props: { page: Page; insurers: InsurerItem[] }) {
  const t = infoMessages(props.page.lang);
  return (
    <Layout page={props.page} title={t('insurersTitle')}>
      <h1>{t('insurersTitle')}</h1>
      {props.insurers.length === 0 ? (
        <p class="info">{t('noInsurers')}</p>
      ) : (
        <>
          <p>{t('insurersIntro')}</p>
          <ul class="cards" aria-label={t('insurersTitle')}>
            {props.insurers.map((i) => (
              <li class="card" key={i.id}>
                <h2>{i.webName}</h2>
                {i.selfPay && <p class="muted">{t('selfPay')}</p>}
                {i.generalMessage && <p>{i.generalMessage}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
