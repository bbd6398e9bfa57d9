// Reading users as contract documents.
import type { Me } from '@jobunivers/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.js';

export const DEFAULT_PREFERENCES = { language: 'da', notify_by_email: 0, version: 0 } as const;

/** The `/v1/me` document and its version (the preferences row's version; 0 before the first save). */
export async function loadMe(db: Kysely<Database> | Transaction<Database>, userId: string): Promise<{ me: Me; version: number } | undefined> {
  const row = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .leftJoin('preferences', 'preferences.user_id', 'users.id')
    .select([
      'users.id as id',
      'users.role as role',
      'users.first_name as firstName',
      'teams.id as teamId',
      'teams.name as teamName',
      'preferences.language as language',
      'preferences.notify_by_email as notifyByEmail',
      'preferences.version as version',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const me: Me = {
    id: row.id,
    role: row.role,
    firstName: row.firstName,
    ...(row.teamId !== null && row.teamName !== null ? { team: { id: row.teamId, name: row.teamName } } : {}),
    preferences: {
      language: row.language ?? DEFAULT_PREFERENCES.language,
      notifyByEmail: (row.notifyByEmail ?? DEFAULT_PREFERENCES.notify_by_email) === 1,
    },
  };
  return { me, version: row.version ?? DEFAULT_PREFERENCES.version };
}
