// Demo data for the fictional "Jobcenter Eksempelby". Every row has a fixed id and is inserted with
// ON CONFLICT DO NOTHING, so seeding twice changes nothing (and never overwrites what the demo changed).
import type { Config } from '@jobunivers/contract';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';

const DAY = 24 * 60 * 60 * 1000;

export const DEMO_CONFIG: Config = {
  municipality: {
    name: 'Jobcenter Eksempelby',
    phone: '+4570000000',
    email: 'jobcenter@eksempelby.dk',
    website: 'https://eksempelby.dk/jobcenter',
    address: 'Torvet 1, 9999 Eksempelby',
  },
  openingHours: {
    timeZone: 'Europe/Copenhagen',
    weekly: [
      { weekday: 1, opens: '08:00', closes: '15:00' },
      { weekday: 2, opens: '08:00', closes: '15:00' },
      { weekday: 3, opens: '08:00', closes: '15:00' },
      { weekday: 4, opens: '08:00', closes: '15:00' },
      { weekday: 5, opens: '08:00', closes: '13:00' },
    ],
    exceptions: [
      { date: '2026-12-23', closed: false, opens: '08:00', closes: '12:00', note: 'Lille juleaftensdag: kort åbningstid' },
      { date: '2026-12-24', closed: true, note: 'Juleaften' },
      { date: '2026-12-25', closed: true, note: 'Juledag' },
      { date: '2026-12-26', closed: true, note: '2. juledag' },
      { date: '2026-12-30', closed: false, opens: '09:00', closes: '12:00', note: 'Mellem jul og nytår' },
      { date: '2026-12-31', closed: true, note: 'Nytårsaften' },
      { date: '2027-01-01', closed: true, note: 'Nytårsdag' },
    ],
  },
  languages: ['da', 'en', 'ar'],
  defaultLanguage: 'da',
  widgets: { selfBooking: true, liveChat: true, videoLibrary: true, cvBuilder: true, joblog: true },
};

const TEAMS = [
  { id: 'team-nord', name: 'Team Nord – jobparate' },
  { id: 'team-unge', name: 'Team Unge – under 30' },
];

type Language = 'da' | 'en' | 'ar';
interface DemoUserSeed {
  id: string;
  role: 'citizen' | 'caseworker';
  first_name: string;
  team_id: string | null;
  description: string;
  language: Language;
  notifyByEmail: boolean;
}

const USERS: DemoUserSeed[] = [
  { id: 'caseworker-1', role: 'caseworker', first_name: 'Mette', team_id: 'team-nord', description: 'Jobkonsulent i Team Nord. Har Lars og Amal.', language: 'da', notifyByEmail: true },
  { id: 'caseworker-2', role: 'caseworker', first_name: 'Jonas', team_id: 'team-nord', description: 'Jobkonsulent i Team Nord. Har Olena.', language: 'da', notifyByEmail: false },
  { id: 'caseworker-3', role: 'caseworker', first_name: 'Aisha', team_id: 'team-unge', description: 'Ungekonsulent i Team Unge. Taler arabisk. Har Amal og Sofie.', language: 'da', notifyByEmail: true },
  { id: 'citizen-1', role: 'citizen', first_name: 'Lars', team_id: null, description: 'Borger, 52 år, på dagpenge efter 30 år som lagerarbejder. Vil have besked på e-mail.', language: 'da', notifyByEmail: true },
  { id: 'citizen-2', role: 'citizen', first_name: 'Amal', team_id: null, description: 'Borger, 34 år, på kontanthjælp. Læser helst arabisk; har ret til tolk ved samtaler.', language: 'ar', notifyByEmail: false },
  { id: 'citizen-3', role: 'citizen', first_name: 'Olena', team_id: null, description: 'Borger, 41 år, uddannet bogholder, ny i Danmark. Foretrækker engelsk, lærer dansk.', language: 'en', notifyByEmail: true },
  { id: 'citizen-4', role: 'citizen', first_name: 'Sofie', team_id: null, description: 'Borger, 22 år, på uddannelseshjælp. Usikker på det digitale og vil gerne have hjælp til at booke.', language: 'da', notifyByEmail: false },
];

const ASSIGNMENTS = [
  { caseworker_id: 'caseworker-1', citizen_id: 'citizen-1' },
  { caseworker_id: 'caseworker-1', citizen_id: 'citizen-2' },
  { caseworker_id: 'caseworker-2', citizen_id: 'citizen-3' },
  { caseworker_id: 'caseworker-3', citizen_id: 'citizen-2' },
  { caseworker_id: 'caseworker-3', citizen_id: 'citizen-4' },
];

/** Demo notifications; `daysAgo` is relative to the first seeding. */
const NOTIFICATIONS = [
  { id: 'notification-1', citizen_id: 'citizen-1', created_by: 'caseworker-1', daysAgo: 6, read: true, title: 'Velkommen til dit jobcenter', body: 'Her får du besked, når der sker noget i din sag. Du kan altid ringe til os i vores åbningstid.', link: null },
  { id: 'notification-2', citizen_id: 'citizen-1', created_by: 'caseworker-1', daysAgo: 2, read: false, title: 'Book din næste samtale', body: 'Du skal booke en samtale med mig inden 8. december. Vælg en tid, der passer dig – fysisk, telefon eller video.', link: '/selvbooking' },
  { id: 'notification-3', citizen_id: 'citizen-1', created_by: 'caseworker-1', daysAgo: 1, read: false, title: 'Godt gået med din joblog', body: 'Du har søgt 3 job denne uge. Husk også at skrive jobmesser og netværksmøder i din joblog.', link: '/joblog' },
  { id: 'notification-4', citizen_id: 'citizen-2', created_by: 'caseworker-3', daysAgo: 3, read: false, title: 'Vi har bestilt en tolk', body: 'Der er en arabisk tolk med til din samtale. Du behøver ikke gøre noget.', link: null },
  { id: 'notification-5', citizen_id: 'citizen-3', created_by: 'caseworker-2', daysAgo: 4, read: false, title: 'Danskundervisning', body: 'Du kan starte på danskuddannelse i januar. Se tiderne og tilmeld dig på linket.', link: 'https://eksempelby.dk/jobcenter/dansk' },
  { id: 'notification-6', citizen_id: 'citizen-4', created_by: 'caseworker-3', daysAgo: 1, read: false, title: 'Brug for hjælp til at booke?', body: 'Ring til os, så booker vi samtalen sammen med dig. Det er helt i orden at få hjælp.', link: null },
] as const;

/** Inserts the demo municipality; returns how many rows were new. */
export async function seedDemoData(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    const count = (result: { numInsertedOrUpdatedRows: bigint | undefined }) => {
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
    };
    count(await trx.insertInto('config').values({ id: 1, document: JSON.stringify(DEMO_CONFIG), version: 1 }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst());
    for (const team of TEAMS) {
      count(await trx.insertInto('teams').values(team).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst());
    }
    for (const { language, notifyByEmail, ...user } of USERS) {
      count(await trx.insertInto('users').values(user).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst());
      count(
        await trx
          .insertInto('preferences')
          .values({ user_id: user.id, language, notify_by_email: notifyByEmail ? 1 : 0, version: 1 })
          .onConflict((oc) => oc.column('user_id').doNothing())
          .executeTakeFirst(),
      );
    }
    for (const assignment of ASSIGNMENTS) {
      count(await trx.insertInto('assignments').values(assignment).onConflict((oc) => oc.columns(['caseworker_id', 'citizen_id']).doNothing()).executeTakeFirst());
    }
    for (const { daysAgo, read, ...notification } of NOTIFICATIONS) {
      const createdAt = new Date(now.getTime() - daysAgo * DAY);
      count(
        await trx
          .insertInto('notifications')
          .values({
            ...notification,
            created_at: createdAt.toISOString(),
            read_at: read ? new Date(createdAt.getTime() + 3 * 60 * 60 * 1000).toISOString() : null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst(),
      );
    }
    return inserted;
  });
}
