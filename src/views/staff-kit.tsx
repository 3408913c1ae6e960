// Pieces every back office page repeats: the notice after an action, the head of a list table, and the
// link in a row that names its row for screen readers.

/** Good news after an action ("Guardado"), announced politely to screen readers. */
export function Flash(props: { text?: string | null | undefined }) {
  if (!props.text) return null;
  return (
    <p class="ok" role="status">
      {props.text}
    </p>
  );
}

/** Column headings of a list; the last column holds each row's links, so its heading is for screen readers only. */
export function TableHead(props: { columns: string[]; links: string }) {
  return (
    <thead>
      <tr>
        {props.columns.map((column) => (
          <th scope="col" key={column}>
            {column}
          </th>
        ))}
        <th scope="col">
          <span class="sr-only">{props.links}</span>
        </th>
      </tr>
    </thead>
  );
}

/** A row's link: among many "Editar" a screen reader would not know which row, so it also hears the row's name. */
export function RowLink(props: { href: string; label: string; row: string; class?: string }) {
  return (
    <a class={props.class} href={props.href}>
      {props.label}
      <span class="sr-only"> {props.row}</span>
    </a>
  );
}
