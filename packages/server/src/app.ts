// buildApp(): the reference server as a Fastify instance (tests inject config and database; main.ts listens).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyError, type FastifyReply, type FastifyRequest, type HTTPMethods } from 'fastify';
import { createTokenVerifier, type TokenVerifier } from './auth.js';
import type { ServerConfig } from './config.js';
import type { App, AppContext, ClosableStream } from './context.js';
import type { DatabaseHandle } from './db/connect.js';
import { InProcessEventBus, type EventBus } from './events/bus.js';
import { InProcessChatSignals, PostgresChatSignals, type ChatSignals } from './events/chat-signals.js';
import { PostgresEventBus } from './events/postgres-bus.js';
import { fieldErrors, PROBLEM_CONTENT_TYPE, problemBody, problemLanguage, ProblemError } from './problem.js';
import { bookingDeskRoutes } from './routes/booking-desk.js';
import { bookingRoutes } from './routes/booking.js';
import { chatConsoleRoutes } from './routes/chat-console.js';
import { chatRoutes } from './routes/chat.js';
import { configRoutes } from './routes/config.js';
import { cvRoutes } from './routes/cv.js';
import { demoRoutes } from './routes/demo.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { joblogRoutes } from './routes/joblog.js';
import { meRoutes } from './routes/me.js';
import { notificationRoutes } from './routes/notifications.js';
import { videoRoutes } from './routes/videos.js';
import { seedDemoVideoProgress } from './seed.js';
import { loadVideoCatalogue } from './video/library.js';
import { videoMediaRoutes } from './video/media.js';

export interface BuildAppOptions {
  config: ServerConfig;
  /** An open, migrated database. The caller closes it after `app.close()`. */
  database: DatabaseHandle;
  /** Defaults to LISTEN/NOTIFY on PostgreSQL and an in-process bus on SQLite; a bus made here is closed with the app. */
  bus?: EventBus;
  /** Where pino writes (tests capture it); stdout by default. */
  logStream?: NodeJS.WritableStream;
}

export const BODY_LIMIT = 64 * 1024;

const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Content-Disposition', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'Last-Event-ID', 'Accept-Language'];
const CORS_EXPOSED_HEADERS = ['ETag', 'Retry-After', 'Idempotent-Replayed', 'Content-Disposition'];
const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Log lines carry ids, methods, route patterns, statuses and times: never headers, bodies, tokens or names. */
function loggerOptions(config: ServerConfig, stream: NodeJS.WritableStream | undefined) {
  return {
    level: config.logLevel,
    ...(stream === undefined ? {} : { stream }),
    redact: {
      paths: [
        'req.headers', 'headers', 'authorization', '*.authorization', 'token', '*.token', 'body', '*.body',
        'firstName', '*.firstName', 'first_name', '*.first_name', 'email', '*.email',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string } }) => ({ method: request.method, route: request.routeOptions?.url ?? '(no route)' }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error & { code?: unknown }) => ({
        type: error.name,
        // The message can quote data (a database error echoes values), so only the code and call stack are logged.
        message: typeof error.code === 'string' ? error.code : error.name,
        stack: error.stack?.split('\n').slice(1).join('\n') ?? '',
      }),
    },
  };
}

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config, database } = options;
  const ownsBus = options.bus === undefined;
  const bus: EventBus =
    options.bus ??
    (database.dialect === 'postgres' && database.postgresUrl !== undefined
      ? new PostgresEventBus({ url: database.postgresUrl })
      : new InProcessEventBus());
  const chatSignals: ChatSignals =
    database.dialect === 'postgres' && database.postgresUrl !== undefined
      ? new PostgresChatSignals({ url: database.postgresUrl })
      : new InProcessChatSignals();

  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    // Fastify's own request lines include the raw URL; ours (onResponse below) log the route pattern instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 256 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.decorateRequest('user', null);

  // Only JSON bodies; an empty body is "no body" (e.g. POST …/read sent with a JSON content type).
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) {
      done(null, undefined);
      return;
    }
    void jsonParser(request, typeof body === 'string' ? body : body.toString('utf8'), done);
  });

  const verifier: TokenVerifier = createTokenVerifier(config);
  const streams = new Set<ClosableStream>();
  const context: AppContext = { config, db: database.db, dialect: database.dialect, bus, verifier, chatSignals, streams };

  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => sendProblem(request, reply, toProblem(error, request)));
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new ProblemError('not-found', { detail: 'There is nothing at this address.' })));

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ method: request.method, route: request.routeOptions.url ?? '(no route)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        requireTrustedTypesFor: ["'script'"],
        trustedTypes: ['lit-html'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    // The drop-in bundle and the API are meant to be used from other sites (CORS decides who may read).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit,
    // The API is limited; health checks and the static site (pages, bundle chunks) are not.
    allowList: (request) => !request.url.startsWith('/v1/'),
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new ProblemError('rate-limited', { detail: 'Slow down and try again in a moment.', retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });

  // Routes of the contract; every other method on their paths answers 405 with Allow.
  const methodsByPath = new Map<string, Set<string>>();
  let collecting = true;
  app.addHook('onRoute', (route) => {
    if (!collecting || !(route.url.startsWith('/v1/') || route.url.startsWith('/health/'))) return;
    const set = methodsByPath.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) set.add(method);
    methodsByPath.set(route.url, set);
  });
  configRoutes(app, context);
  meRoutes(app, context);
  notificationRoutes(app, context);
  bookingRoutes(app, context);
  bookingDeskRoutes(app, context);
  await chatRoutes(app, context);
  chatConsoleRoutes(app, context);
  videoRoutes(app, context);
  cvRoutes(app, context);
  joblogRoutes(app, context);
  eventRoutes(app, context);
  healthRoutes(app, context);
  if (config.demo) demoRoutes(app, context);
  collecting = false;
  for (const [url, methods] of methodsByPath) {
    const missing = METHODS.filter((method) => !methods.has(method));
    const allow = METHODS.filter((method) => methods.has(method)).join(', ');
    if (missing.length === 0) continue;
    app.route({
      method: missing,
      url,
      handler: () => {
        throw new ProblemError('method-not-allowed', { detail: `Use ${allow}.`, headers: { allow } });
      },
    });
  }

  // The video catalogue is imported before the server answers; a broken one is logged and the last good one kept.
  await loadVideoCatalogue(database.db, database.dialect, config.mediaDir, app.log);
  if (config.demo) await seedDemoVideoProgress(database.db);
  await videoMediaRoutes(app, config.mediaDir);

  const openApiFile = join(config.rootDir, 'docs/openapi.json');
  app.get('/openapi.json', async (_request, reply) => {
    let text: string;
    try {
      text = await readFile(openApiFile, 'utf8');
    } catch {
      throw new ProblemError('not-found', { detail: 'docs/openapi.json has not been generated.' });
    }
    return reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-cache').send(text);
  });

  const bundleDir = join(config.rootDir, 'packages/jobunivers/dist');
  if (existsSync(bundleDir)) {
    await app.register(fastifyStatic, { root: bundleDir, prefix: '/jobunivers/', decorateReply: false, cacheControl: true, maxAge: 60_000 });
  }
  const publicDir = join(config.rootDir, 'packages/server/public');
  if (existsSync(publicDir)) {
    await app.register(fastifyStatic, { root: publicDir, prefix: '/', decorateReply: false, cacheControl: true, maxAge: 60_000 });
  }

  app.addHook('preClose', (done) => {
    for (const stream of [...streams]) stream.end('server shutting down');
    done();
  });
  app.addHook('onClose', async () => {
    if (ownsBus) await bus.close();
    await chatSignals.close();
  });

  await bus.start();
  await chatSignals.start();
  return app;
}

/** Maps anything thrown to a contract problem. Unknown errors become `internal` and are logged without their message. */
function toProblem(error: FastifyError | ProblemError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error.validation !== undefined) {
    return new ProblemError('invalid-request', {
      detail: 'Fix the fields listed in errors and send the request again.',
      errors: fieldErrors(error.validation, error.validationContext),
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ProblemError('malformed-json', { detail: 'The body is not valid JSON.' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // The route's own limit when it has one (a CV may be 512 KiB).
      return new ProblemError('payload-too-large', { detail: `Bodies may be at most ${String(Math.floor(request.routeOptions.bodyLimit / 1024))} KiB here.` });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new ProblemError('unsupported-media-type', { detail: 'Send the body as application/json; charset=utf-8.' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ProblemError('invalid-request', { detail: 'Content-Length does not match the body.' });
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return new ProblemError('not-found');
  if (status === 405) return new ProblemError('method-not-allowed');
  if (status === 413) return new ProblemError('payload-too-large');
  if (status === 415) return new ProblemError('unsupported-media-type');
  if (status === 429) return new ProblemError('rate-limited', { retryAfter: 60 });
  if (status === 503) return new ProblemError('unavailable', { retryAfter: 5 });
  if (status >= 400 && status < 500) return new ProblemError('invalid-request');
  request.log.error({ err: error }, 'unhandled error');
  return new ProblemError('internal', { detail: 'Nothing was saved. Try again; if it keeps failing, contact the job centre.' });
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemError): FastifyReply {
  const { code, status, options } = problem;
  const body = problemBody(code, problemLanguage(request.headers['accept-language']), options.detail, options.errors);
  if (status === 401) {
    reply.header('www-authenticate', code === 'unauthenticated' ? 'Bearer' : 'Bearer error="invalid_token"');
  }
  if (options.retryAfter !== undefined) reply.header('retry-after', String(options.retryAfter));
  for (const [name, value] of Object.entries(options.headers ?? {})) reply.header(name, value);
  // Caches must not keep errors, and a 304/ETag set before the error no longer applies.
  reply.removeHeader('etag');
  return reply.code(status).header('content-type', PROBLEM_CONTENT_TYPE).header('cache-control', 'no-store').send(body);
}
