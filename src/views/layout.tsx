import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { CenterView } from '../modules/center/center.service.js';

const css = `
:root{--fg:#1b1f24;--muted:#4a5560;--accent:#0b6e4f;--bg:#f6f8f7;--card:#fff}
*{box-sizing:border-box}body{margin:0;font:1.05rem/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{border-bottom:3px solid var(--accent)}header h1{margin:0;font-size:1.4rem}
.card{background:var(--card);border:1px solid #d5dcd9;border-radius:.5rem;padding:1rem;margin:1rem 0}
.notice{border-left:6px solid #b3261e;background:#fff4f2}
footer{color:var(--muted);font-size:.95rem;border-top:1px solid #d5dcd9}
a{color:var(--accent)}ul{padding-left:1.2rem}
`;

/** Every page: the center's name on top, its contact data at the foot. */
export function Layout(props: { center: CenterView; title: string; children: ComponentChildren }) {
  const { center } = props;
  return (
    <html lang="es-AR">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${center.name}`}</title>
        <style>{css}</style>
      </head>
      <body>
        <header>
          <h1>{center.name}</h1>
        </header>
        <main>{props.children}</main>
        <footer>
          <address>
            <strong>{center.name}</strong>
            <br />
            {center.phones && (
              <>
                Teléfono: {center.phones}
                <br />
              </>
            )}
            {center.contactHours && (
              <>
                Horario de contacto: {center.contactHours}
                <br />
              </>
            )}
            {center.contactEmail && (
              <>
                E-mail: <a href={`mailto:${center.contactEmail}`}>{center.contactEmail}</a>
              </>
            )}
          </address>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(node: preact.VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}
