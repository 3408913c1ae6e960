import { Layout } from '../views/layout.js';
import type { Page, StaffPage } from '../views/page.js';
import { StaffLayout } from '../views/staff-layout.js';
import { webMessages } from './web.messages.js';

/** An error page in the frame the visitor was in: the patient web, or the back office with its menu. */
export function ErrorPage(props: { page: Page | StaffPage; title: string; message: string }) {
  const t = webMessages(props.page.lang);
  const staff = 'staff' in props.page;
  const body = (
    <>
      <h1>{props.title}</h1>
      <p class="notice" role="alert">
        {props.message}
      </p>
      <p>
        <a href={staff ? '/staff' : '/'}>{t('back')}</a>
      </p>
    </>
  );
  return 'staff' in props.page ? (
    <StaffLayout page={props.page} title={props.title}>
      {body}
    </StaffLayout>
  ) : (
    <Layout page={props.page} title={props.title}>
      {body}
    </Layout>
  );
}
