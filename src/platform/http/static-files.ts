import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the few files of a folder under `prefix`, read once at start. The pages link them with
 * `?v=<hash>`, so browsers may keep them a year and still get a new version at once.
 */
export function serveStaticFiles(app: FastifyInstance, folder: string, prefix: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of fs.readdirSync(folder)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(folder, name));
    const version = createHash('sha256').update(body).digest('hex').slice(0, 10);
    urls[name] = `${prefix}/${name}?v=${version}`;
    app.get(`${prefix}/${name}`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=31536000, immutable').send(body),
    );
  }
  return urls;
}
