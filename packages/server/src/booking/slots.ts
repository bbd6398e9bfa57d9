// Free times: availability rules expanded in Europe/Copenhagen for the caseworkers assigned to the citizen,
// minus closed exceptions, minus claims that are bookings or live holds of others, only in the future.
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

/** Every time the rules offer from `from` to `to` (inclusive, local dates) after `now`, ignoring claims. */
export async function candidateSlots(
  db: Db,
  citizenId: string,
  meetingType: { id: string; duration_minutes: number },
  from: string,
  to: string,
  now: number,
): Promise<SlotCandidate[]> {
  const caseworkers = (await db.selectFrom('assignments').select('caseworker_id').where('citizen_id', '=', citizenId).execute()).map((row) => row.caseworker_id);
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

/** The candidates minus bookings and live holds (a citizen still sees the time they hold themselves). */
export async function freeSlots(
  db: Db,
  citizenId: string,
  meetingType: { id: string; duration_minutes: number },
  from: string,
  to: string,
  now: number,
): Promise<SlotCandidate[]> {
  const candidates = await candidateSlots(db, citizenId, meetingType, from, to, now);
  if (candidates.length === 0) return [];
  const first = candidates[0]?.start ?? now;
  const last = candidates.at(-1)?.end ?? now;
  const nowIso = new Date(now).toISOString();
  const claims = await db
    .selectFrom('slot_claims')
    .select(['caseworker_id', 'start_at', 'end_at'])
    .where('caseworker_id', 'in', [...new Set(candidates.map((slot) => slot.caseworkerId))])
    .where('start_at', '<', new Date(last).toISOString())
    .where('end_at', '>', new Date(first).toISOString())
    .where((eb) => eb.or([eb('state', '=', 'booked'), eb.and([eb('expires_at', '>', nowIso), eb('holder', '!=', citizenId)])]))
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
  citizenId: string,
  meetingType: { id: string; duration_minutes: number },
  from: string,
  until: string,
  now: number,
): Promise<SlotCandidate | undefined> {
  for (let start = from; start <= until; start = addDays(addMonths(start, 1), 0)) {
    const end = addDays(addMonths(start, 1), -1) < until ? addDays(addMonths(start, 1), -1) : until;
    const found = (await freeSlots(db, citizenId, meetingType, start, end, now)).at(0);
    if (found !== undefined) return found;
  }
  return undefined;
}

export { localDate };
