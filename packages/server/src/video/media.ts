// Serves `<mediaDir>/videos/**` at `/media/videos/` with HTTP range requests (206 + Content-Range, 416 for a range
// past the end), the right media types, nosniff, caching, and CORS for any origin (players and caption tracks on
// other sites fetch them; nothing here is private). Not rate-limited, like the static site.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyError } from 'fastify';
import type { App } from '../context.js';

export const MEDIA_PREFIX = '/media/videos/';

const TYPES: Partial<Record<string, string>> = {
  '.vtt': 'text/vtt; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.json': 'application/json; charset=utf-8',
};

export async function videoMediaRoutes(app: App, mediaDir: string): Promise<void> {
  const root = join(mediaDir, 'videos');
  if (!existsSync(root)) return;
  await app.register(async (scope) => {
    scope.addHook('onRequest', (request, reply, done) => {
      reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'Content-Range, Content-Length, Accept-Ranges');
      if (request.method === 'OPTIONS') {
        reply.header('access-control-allow-methods', 'GET, HEAD').header('access-control-allow-headers', 'Range').header('access-control-max-age', '600');
      }
      done();
    });
    // A range past the end is 416 with `Content-Range: bytes */<size>` (send's error); everything else goes to the app's handler.
    scope.setErrorHandler((error: FastifyError & { headers?: Record<string, string> }, _request, reply) => {
      if (error.statusCode !== 416) throw error;
      const range = error.headers?.['Content-Range'];
      if (range !== undefined) reply.header('content-range', range);
      return reply.code(416).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send('Range Not Satisfiable');
    });
    await scope.register(fastifyStatic, {
      root,
      prefix: MEDIA_PREFIX,
      decorateReply: false,
      acceptRanges: true,
      cacheControl: true,
      maxAge: 3_600_000,
      etag: true,
      lastModified: true,
      dotfiles: 'deny',
      index: false,
      setHeaders(reply, path) {
        const extension = /\.[a-z0-9]+$/i.exec(path)?.[0].toLowerCase() ?? '';
        const type = TYPES[extension];
        if (type !== undefined) reply.header('content-type', type);
        reply.header('x-content-type-options', 'nosniff');
      },
    });
  });
}
