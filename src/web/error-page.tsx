import { Layout } from '../views/layout.js';
import type { Page } from '../views/page.js';
import { webMessages } from './web.messages.js';

export function ErrorPage(props: { page: Page; title: string; message: string }) {
  const t = webMessages(props.page.lang);
  return (
    <Layout page={props.page} title={props.title}>
      <h1>{props.title}</h1>
      <p class="notice" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/">{t('back')}</a>
      </p>
    </Layout>
  );
}
