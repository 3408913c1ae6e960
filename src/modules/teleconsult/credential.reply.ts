// The one way the card's PDF leaves the server (page and API): shown, or downloaded with ?descargar=1 /
// ?download=1; never kept by a shared cache, since it carries a patient's data.
import type { FastifyReply } from 'fastify';

export function sendCredentialPdf(reply: FastifyReply, pdf: { bytes: Buffer; fileName: string }, download: boolean) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${pdf.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf.bytes);
}
