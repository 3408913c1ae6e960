import { idleSpan, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { helpSections, infoMessages } from '../info.messages.js';

export function HelpPage(props: { page: Page }) {
  const { page } = props;
  const t = infoMessages(page.lang);
  const { center } = page;
  const contact = [center.phones, center.contactEmail].filter(Boolean).join(' · ');
  const sections = helpSections[page.lang]({
    center: center.name,
    idle: idleSpan(page),
    contact: contact ? ` (${contact})` : '',
  });
  return (
    <Layout page={page} title={t('helpTitle')}>
      <h1>{t('helpTitle')}</h1>
      <p>{t('helpIntro')}</p>
      {sections.map(([title, text]) => (
        <section class="card" key={title}>
          <h2>{title}</h2>
          <p>{text}</p>
        </section>
      ))}
    </Layout>
  );
}
