// The one way the profile photo leaves the server (the Perfil page and the API): the type read from its bytes,
// nosniff, a sandboxing CSP so that an image opened on its own can run nothing as this site, never cached.
import type { FastifyReply } from 'fastify';

export function sendPhoto(reply: FastifyReply, photo: { bytes: Buffer; mediaType: string }) {
  return reply
    .type(photo.mediaType)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', 'inline')
    .send(photo.bytes);
}
