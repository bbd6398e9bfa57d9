// `npm start`: read the configuration, migrate, seed the demo municipality (demo mode), serve, shut down cleanly.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrations.js';
import { runMaintenance } from './maintenance.js';
import { seedDemoData } from './seed.js';

const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const database = openDatabase(config.database);
  await migrateToLatest(database.db, database.dialect);
  if (config.demo) await seedDemoData(database.db);

  const app = await buildApp({ config, database });
  const maintenance = async () => {
    try {
      const removed = await runMaintenance(database.db, config);
      app.log.info({ removed }, 'maintenance');
    } catch (error) {
      app.log.warn({ err: error }, 'maintenance failed');
    }
  };
  await maintenance();
  const timer = setInterval(() => { void maintenance(); }, MAINTENANCE_EVERY_MS);
  timer.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(timer);
    const force = setTimeout(() => { process.exit(1); }, 10_000);
    force.unref();
    try {
      await app.close(); // stops accepting, ends SSE streams, closes the event bus
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error instanceof Error ? error.name : 'unknown error');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => { void stop('SIGINT'); });
  process.once('SIGTERM', () => { void stop('SIGTERM'); });

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${String(port)}`;
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `SQLite (${config.database.file})`;
  console.log([
    '',
    `Jobunivers reference server${config.demo ? ' — DEMO MODE (fictional Jobcenter Eksempelby)' : ''}`,
    `  Open       ${base}/`,
    `  Desk       ${base}/medarbejder   (the caseworkers' side)`,
    `  API        ${base}/v1/config`,
    `  OpenAPI    ${base}/openapi.json`,
    `  Database   ${where}`,
    '  Stop with Ctrl+C',
    '',
  ].join('\n'));
}

main().catch((error: unknown) => {
  console.error('The server could not start:', error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
  if (error instanceof Error && error.cause instanceof Error) console.error('  cause:', error.cause.message);
  process.exit(1);
});
