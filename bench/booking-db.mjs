// Direct database access for bench/booking.mjs (the server itself is not changed): adds bench citizens with
// assignments before the run, and afterwards reads the bookings to check that no time was booked twice.
// SQLite through better-sqlite3 on the server's own file (WAL, so the running server is not disturbed),
// PostgreSQL through pg. Both are dependencies of packages/server, hoisted to the root node_modules.
import SQLite from 'better-sqlite3';
import pg from 'pg';

/** Runs `work(query)` with `query(sql, params) → rows` (`?` placeholders) on `databaseUrl`'s database, then closes it. */
async function withDatabase(databaseUrl, work) {
  if (databaseUrl.startsWith('sqlite:')) {
    const connection = new SQLite(databaseUrl.slice('sqlite:'.length));
    connection.pragma('busy_timeout = 5000');
    try {
      const query = (text, params = []) => {
        const statement = connection.prepare(text);
        return statement.reader ? statement.all(...params) : (statement.run(...params), []);
      };
      return await work(query);
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let index = 0;
    const numbered = (text) => text.replace(/\?/g, () => `$${String((index += 1))}`);
    const query = async (text, params = []) => {
      index = 0;
      return (await client.query(numbered(text), params)).rows;
    };
    return await work(query);
  } finally {
    await client.end();
  }
}

/**
 * Adds `count` citizens `bench-citizen-N` (no description, so the demo's user list does not show them), each
 * assigned to every one of `caseworkers`, so they all see the same free times. Answers their ids.
 */
export async function addBenchCitizens(databaseUrl, count, caseworkers) {
  const ids = Array.from({ length: count }, (_, index) => `bench-citizen-${String(index + 1)}`);
  await withDatabase(databaseUrl, async (query) => {
    await query('BEGIN');
    try {
      for (const id of ids) {
        await query('INSERT INTO users (id, role, first_name, team_id, description) VALUES (?, ?, ?, NULL, NULL) ON CONFLICT (id) DO NOTHING', [id, 'citizen', `Bench ${id.slice(14)}`]);
        await query('INSERT INTO preferences (user_id, language, notify_by_email, version) VALUES (?, ?, 0, 1) ON CONFLICT (user_id) DO NOTHING', [id, 'da']);
        for (const caseworker of caseworkers) {
          await query('INSERT INTO assignments (caseworker_id, citizen_id) VALUES (?, ?) ON CONFLICT (caseworker_id, citizen_id) DO NOTHING', [caseworker, id]);
        }
      }
      await query('COMMIT');
    } catch (error) {
      await query('ROLLBACK');
      throw error;
    }
  });
  return ids;
}

/**
 * For the invariant: no (caseworker, start) may have more than one booked booking. Answers the number of booked bookings,
 * the times booked more than once, and how many booked bookings start at each of `starts` (ISO UTC).
 */
export function readBookings(databaseUrl, starts) {
  return withDatabase(databaseUrl, async (query) => {
    const [{ total }] = await query("SELECT count(*) AS total FROM bookings WHERE status = 'booked'");
    const doubles = await query("SELECT caseworker_id, start_at, count(*) AS n FROM bookings WHERE status = 'booked' GROUP BY caseworker_id, start_at HAVING count(*) > 1");
    const perStart = new Map();
    for (const start of starts) {
      const [{ n }] = await query("SELECT count(*) AS n FROM bookings WHERE status = 'booked' AND start_at = ?", [start]);
      perStart.set(start, Number(n));
    }
    return { total: Number(total), doubles: doubles.map((row) => `${String(row.caseworker_id)} ${String(row.start_at)} ×${String(row.n)}`), perStart };
  });
}
