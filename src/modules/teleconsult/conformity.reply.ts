// The one way a constancia leaves the server (Validar token, the desk, the API): inline or as a download,
// never kept by a shared cache, since it carries a patient's data.
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Lang } from '../../platform/i18n/lang.js';
import type { Actor } from '../staff/actor.js';
import { renderConformityPdf } from './conformity.pdf.js';
import { getConformity } from './conformity.service.js';

export async function sendConformityPdf(
  ctx: AppContext,
  reply: FastifyReply,
  input: { actor: Actor; id: number; lang: Lang; download: boolean },
) {
  const conformity = await getConformity(ctx, { actor: input.actor, id: input.id });
  const bytes = await renderConformityPdf(conformity, input.lang);
  return reply
    .header('content-type', 'application/pdf')
    .header(
      'content-disposition',
      `${input.download ? 'attachment' : 'inline'}; filename="constancia-teleconsulta-${conformity.id}.pdf"`,
    )
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
