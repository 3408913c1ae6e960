// The list pages of the TURNOS WEB catalogs (especialidades, estudios, obras sociales, profesionales): each
// shows two tables of the same columns, first what patients can pick on the web, then what they cannot.
import type { ComponentChildren } from 'preact';
import type { StaffPage } from '../../../views/page.js';
import { TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { Flash, rowMark } from './admin-fields.js';

interface CatalogRow {
  id: number;
  webEnabled: boolean;
}

/** What tells one catalog's table from another's. */
export interface CatalogColumns<Row> {
  /** Said instead of an empty table. */
  empty: string;
  columns: string[];
  /** The row's heading cell, before the "just changed" tag. */
  name: (row: Row) => ComponentChildren;
  /** The row's other cells, its links last. */
  cells: (row: Row) => ComponentChildren;
}

function CatalogTable<Row extends CatalogRow>(
  props: CatalogColumns<Row> & { page: StaffPage; rows: Row[]; changedId: number | null; caption: string },
) {
  const t = webCatalogMessages(props.page.lang);
  if (props.rows.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="dense">
        <caption class="sr-only">{props.caption}</caption>
        <TableHead columns={props.columns} links={t('actions')} />
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} {...rowMark(row.id, props.changedId)}>
              <th scope="row">
                {props.name(row)}
                {row.id === props.changedId && <span class="tag">{t('justChanged')}</span>}
              </th>
              {props.cells(row)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CatalogListPage<Row extends CatalogRow>(props: {
  page: StaffPage;
  title: string;
  intro: string;
  flash?: string | undefined;
  newItem: { href: string; label: string };
  headings: { enabled: string; disabled: string };
  rows: Row[];
  changedId: number | null;
  table: CatalogColumns<Row>;
}) {
  const { page, headings } = props;
  const table = (rows: Row[], caption: string) => (
    <CatalogTable {...props.table} page={page} rows={rows} changedId={props.changedId} caption={caption} />
  );
  return (
    <StaffLayout page={page} title={props.title}>
      <h1>{props.title}</h1>
      <p class="muted">{props.intro}</p>
      <Flash text={props.flash} />
      <p>
        <a class="button" href={props.newItem.href}>
          {props.newItem.label}
        </a>
      </p>
      <h2>{headings.enabled}</h2>
      {table(
        props.rows.filter((r) => r.webEnabled),
        headings.enabled,
      )}
      <h2>{headings.disabled}</h2>
      {table(
        props.rows.filter((r) => !r.webEnabled),
        headings.disabled,
      )}
    </StaffLayout>
  );
}
