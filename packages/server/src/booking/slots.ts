// Free times: availability rules expanded in Europe/Copenhagen for the caseworkers in scope (those assigned to
// the citizen, or the desk's own), minus closed days, minus claims that are bookings or live holds, only in the future.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { addDays, addMonths, isoWeekday, localDate, localToInstant, minutesOf } from './zone.js';

export interface SlotCandidate {
  caseworkerId: string;
  start: number;
  end: number;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Slot ids are opaque to clients: base64url of `<caseworker id>~<start in epoch minutes, base 36>`. */
export function encodeSlotId(caseworkerId: string, start: number): string {
  return Buffer.from(`${caseworkerId}~${(start / 60_000).toString(36)}`).toString('base64url');
}

export function decodeSlotId(slotId: string): { caseworkerId: string; start: number } | undefined {
  const text = Buffer.from(slotId, 'base64url').toString();
  const match = /^([A-Za-z0-9_-]{1,64})~([0-9a-z]{1,12})$/.exec(text);
  if (match === null) return undefined;
  if (Buffer.from(text).toString('base64url') !== slotId) return undefined;
  const minutes = parseInt(match[2], 36);
  if (!Number.isSafeInteger(minutes)) return undefined;
  return { caseworkerId: match[1], start: minutes * 60_000 };
}

/**
 * Whose times a slot list shows and to whom. The citizen sees every caseworker assigned to them and still sees
 * the time they hold themselves (`viewer`); the desk sees only its own calendar, and any live hold hides a time.
 */
export interface SlotScope {
  caseworkerIds: readonly string[];
  /** The citizen whose own live hold does not hide a time, or `null` (every live hold hides it). */
  viewer: string | null;
}

/** The citizen's scope: the caseworkers assigned to them. */
export async function citizenScope(db: Db, citizenId: string): Promise<SlotScope> {
  const caseworkers = await db.selectFrom('assignments').select('caseworker_id').where('citizen_id', '=', citizenId).execute();
  return { caseworkerIds: caseworkers.map((row) => row.caseworker_id), viewer: citizenId };
}

/** Every time the rules offer from `from` to `to` (inclusive, local dates) after `now`, ignoring claims. */
export async function candidateSlots(
  db: Db,
  scope: SlotScope,
  meetingType: { id: string; duration_minutes: number },
  from: string,
  to: string,
  now: number,
): Promise<SlotCandidate[]> {
  const caseworkers = [...scope.caseworkerIds];
  if (caseworkers.length === 0) return [];
  const rules = await db.selectFrom('availability_rules').selectAll().where('caseworker_id', 'in', caseworkers).where('meeting_type_id', '=', meetingType.id).execute();
  if (rules.length === 0) return [];
  const closed = new Set(
    (await db.selectFrom('availability_exceptions').select(['caseworker_id', 'date']).where('caseworker_id', 'in', caseworkers).where('date', '>=', from).where('date', '<=', to).where('closed', '=', 1).execute())
      .map((row) => `${row.caseworker_id} ${row.date}`),
  );
  const duration = meetingType.duration_minutes;
  const out: SlotCandidate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    for (const rule of rules) {
      if (rule.weekday !== weekday || closed.has(`${rule.caseworker_id} ${date}`)) continue;
      const end = minutesOf(rule.end_time);
      for (let minute = minutesOf(rule.start_time); minute + duration <= end; minute += duration) {
        const start = localToInstant(date, minute);
        if (start <= now) continue;
        out.push({ caseworkerId: rule.caseworker_id, start, end: localToInstant(date, minute + duration) });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || (a.caseworkerId < b.caseworkerId ? -1 : a.caseworkerId > b.caseworkerId ? 1 : 0));
}

/** The candidate at exactly this caseworker and start, if the rules offer it (a slot id's time is still open). */
export async function findCandidate(
  db: Db,
  scope: SlotScope,
  meetingType: { id: string; duration_minutes: number },
  slot: { caseworkerId: string; start: number },
  now: number,
): Promise<SlotCandidate | undefined> {
  if (!scope.caseworkerIds.includes(slot.caseworkerId)) return undefined;
  const date = localDate(slot.start);
  return (await candidateSlots(db, { ...scope, caseworkerIds: [slot.caseworkerId] }, meetingType, date, date, now)).find((candidate) => candidate.start === slot.start);
}

/** The candidates minus bookings and live holds (a citizen still sees the time they hold themselves). */
export async function freeSlots(
  db: Db,
  scope: SlotScope,
  meetingType: { id: string; duration_minutes: number },
  from: string,
  to: string,
  now: number,
): Promise<SlotCandidate[]> {
  const candidates = await candidateSlots(db, scope, meetingType, from, to, now);
  if (candidates.length === 0) return [];
  const first = candidates[0]?.start ?? now;
  const last = candidates.at(-1)?.end ?? now;
  const nowIso = new Date(now).toISOString();
  const viewer = scope.viewer;
  const claims = await db
    .selectFrom('slot_claims')
    .select(['caseworker_id', 'start_at', 'end_at'])
    .where('caseworker_id', 'in', [...new Set(candidates.map((slot) => slot.caseworkerId))])
    .where('start_at', '<', new Date(last).toISOString())
    .where('end_at', '>', new Date(first).toISOString())
    .where((eb) => eb.or([
      eb('state', '=', 'booked'),
      viewer === null ? eb('expires_at', '>', nowIso) : eb.and([eb('expires_at', '>', nowIso), eb('holder', '!=', viewer)]),
    ]))
    .execute();
  const byCaseworker = new Map<string, { start: number; end: number }[]>();
  for (const claim of claims) {
    const list = byCaseworker.get(claim.caseworker_id) ?? [];
    list.push({ start: Date.parse(claim.start_at), end: Date.parse(claim.end_at) });
    byCaseworker.set(claim.caseworker_id, list);
  }
  return candidates.filter((slot) => !(byCaseworker.get(slot.caseworkerId) ?? []).some((claim) => claim.start < slot.end && claim.end > slot.start));
}

/** The first free slot from `from` on, searching month by month up to `until` (inclusive). */
export async function firstFreeSlot(
  db: Db,
  scope: SlotScope,
  meetingType: { id: string; duration_minutes: number },
  from: string,
  until: string,
  now: number,
): Promise<SlotCandidate | undefined> {
  for (let start = from; start <= until; start = addDays(addMonths(start, 1), 0)) {
    const end = addDays(addMonths(start, 1), -1) < until ? addDays(addMonths(start, 1), -1) : until;
    const found = (await freeSlots(db, scope, meetingType, start, end, now)).at(0);
    if (found !== undefined) return found;
  }
  return undefined;
}

export { localDate };
