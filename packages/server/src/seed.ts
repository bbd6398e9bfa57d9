// Demo data for the fictional "Jobcenter Eksempelby". Every row has a fixed id and is inserted with
// ON CONFLICT DO NOTHING, so seeding twice changes nothing (and never overwrites what the demo changed).
import type { Config, JoblogEntryBody, JoblogRequirement } from '@jobunivers/contract';
import type { Kysely, Transaction } from 'kysely';
import { addDays, isoWeekday, localDate, localToInstant, minutesOf } from './booking/zone.js';
import type { Database } from './db/schema.js';
import { entryDocument, requirementDocument } from './joblog/store.js';
import { isoWeekOf, mondayOf } from './joblog/weeks.js';

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

const ADDRESS = 'Torvet 1, 9999 Eksempelby';

/** Self-booking: three meeting types with Danish, English and Arabic texts. */
export const MEETING_TYPES = [
  {
    id: 'mt-fysisk', kind: 'in-person', duration_minutes: 45, position: 1, address: ADDRESS,
    texts: {
      title: { da: 'Samtale på jobcentret', en: 'Meeting at the job centre', ar: 'لقاء في مركز العمل' },
      bring: { da: 'Dit CV, hvis du har et', en: 'Your CV, if you have one', ar: 'سيرتك الذاتية إن وجدت' },
    },
  },
  {
    id: 'mt-telefon', kind: 'phone', duration_minutes: 30, position: 2, address: null,
    texts: {
      title: { da: 'Samtale i telefonen', en: 'Phone meeting', ar: 'لقاء عبر الهاتف' },
      phone: { da: 'Vi ringer til dig på det nummer, vi har', en: 'We call you on the number we have', ar: 'سنتصل بك على الرقم المسجل لدينا' },
    },
  },
  {
    id: 'mt-video', kind: 'video', duration_minutes: 30, position: 3, address: null,
    texts: {
      title: { da: 'Samtale på video', en: 'Video meeting', ar: 'لقاء عبر الفيديو' },
      video: { da: 'Du får et link i Digital Post', en: 'You get a link in Digital Post', ar: 'ستحصل على رابط في البريد الرقمي (Digital Post)' },
    },
  },
] as const;

const TOPIC_QUESTION = {
  id: 'q-topic', kind: 'text' as const, required: 0, max_length: 500,
  texts: { label: { da: 'Hvad vil du gerne tale om?', en: 'What would you like to talk about?', ar: 'عن ماذا تود أن تتحدث؟' } },
};
const HELP_QUESTION = {
  id: 'q-help', kind: 'choice' as const, required: 1, max_length: null,
  texts: {
    label: { da: 'Har du brug for noget til samtalen?', en: 'Do you need anything for the meeting?', ar: 'هل تحتاج إلى شيء من أجل اللقاء؟' },
    options: [
      { id: 'o-nothing', label: { da: 'Nej tak', en: 'No, thank you', ar: 'لا، شكرًا' } },
      { id: 'o-interpreter', label: { da: 'En tolk', en: 'An interpreter', ar: 'مترجم فوري' } },
      { id: 'o-access', label: { da: 'Adgang uden trapper', en: 'Step-free access', ar: 'مدخل بدون درج' } },
    ],
  },
};

/** Mon–Thu 9–15 with lunch 11:15–12:00, Fri 9–12; each meeting type has its own window so grids never overlap. */
const WEEK_WINDOWS: { meetingTypeId: string; weekdays: number[]; start: string; end: string }[] = [
  { meetingTypeId: 'mt-fysisk', weekdays: [1, 2, 3, 4], start: '09:00', end: '11:15' },
  { meetingTypeId: 'mt-telefon', weekdays: [1, 2, 3, 4], start: '12:00', end: '13:30' },
  { meetingTypeId: 'mt-video', weekdays: [1, 2, 3, 4], start: '13:30', end: '15:00' },
  { meetingTypeId: 'mt-fysisk', weekdays: [5], start: '09:00', end: '10:30' },
  { meetingTypeId: 'mt-telefon', weekdays: [5], start: '10:30', end: '12:00' },
];

/** The job centre is closed between Christmas and New Year. */
const CHRISTMAS_CLOSURE = ['2026-12-23', '2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'];

/** Availability rules for one caseworker (tests use it for extra caseworkers). */
export function availabilityRulesFor(caseworkerId: string) {
  return WEEK_WINDOWS.flatMap((window) =>
    window.weekdays.map((weekday) => ({
      id: `${caseworkerId}-${window.meetingTypeId}-${String(weekday)}`,
      caseworker_id: caseworkerId,
      meeting_type_id: window.meetingTypeId,
      weekday,
      start_time: window.start,
      end_time: window.end,
    })),
  );
}

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
    for (const { texts, ...meetingType } of MEETING_TYPES) {
      count(await trx.insertInto('meeting_types').values({ ...meetingType, texts: JSON.stringify(texts) }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst());
      const questions = meetingType.id === 'mt-fysisk' ? [TOPIC_QUESTION, HELP_QUESTION] : [TOPIC_QUESTION];
      for (const [position, { texts: questionTexts, ...question }] of questions.entries()) {
        count(
          await trx
            .insertInto('meeting_type_questions')
            .values({ ...question, meeting_type_id: meetingType.id, position, texts: JSON.stringify(questionTexts) })
            .onConflict((oc) => oc.columns(['meeting_type_id', 'id']).doNothing())
            .executeTakeFirst(),
        );
      }
    }
    for (const caseworker of USERS.filter((user) => user.role === 'caseworker')) {
      for (const rule of availabilityRulesFor(caseworker.id)) {
        count(await trx.insertInto('availability_rules').values(rule).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst());
      }
      for (const date of CHRISTMAS_CLOSURE) {
        count(
          await trx
            .insertInto('availability_exceptions')
            .values({ caseworker_id: caseworker.id, date, closed: 1, kind: 'holiday', note: 'Lukket mellem jul og nytår' })
            .onConflict((oc) => oc.columns(['caseworker_id', 'date']).doNothing())
            .executeTakeFirst(),
        );
      }
    }
    inserted += await seedDesk(trx, now);
    inserted += await seedChat(trx);
    inserted += await seedCv(trx, now);
    inserted += await seedJoblog(trx, now);
    // Lars must book within a frist of at least 8 days (DOMAIN.md): 10 days after seeding.
    const deadline = new Date(now.getTime() + 10 * DAY).toISOString().slice(0, 10);
    count(await trx.insertInto('booking_deadlines').values({ citizen_id: 'citizen-1', deadline }).onConflict((oc) => oc.column('citizen_id').doNothing()).executeTakeFirst());
    return inserted;
  });
}

/**
 * Upcoming meetings the demo citizens booked themselves, on the n-th Monday–Thursday after seeding (skipping the
 * Christmas closure), at a time of the meeting type's weekly window. Lars is left free to book in the demo.
 */
const DEMO_BOOKINGS = [
  { id: 'demo-booking-1', citizen_id: 'citizen-2', caseworker_id: 'caseworker-1', meeting_type_id: 'mt-fysisk', workday: 2, time: '09:45', minutes: 45, answers: [{ questionId: 'q-help', value: 'o-interpreter' }] },
  { id: 'demo-booking-2', citizen_id: 'citizen-2', caseworker_id: 'caseworker-1', meeting_type_id: 'mt-telefon', workday: 6, time: '12:30', minutes: 30, answers: [] },
  { id: 'demo-booking-3', citizen_id: 'citizen-3', caseworker_id: 'caseworker-2', meeting_type_id: 'mt-video', workday: 3, time: '14:00', minutes: 30, answers: [{ questionId: 'q-topic', value: 'Danskundervisning og bogholderjob' }] },
  { id: 'demo-booking-4', citizen_id: 'citizen-4', caseworker_id: 'caseworker-3', meeting_type_id: 'mt-telefon', workday: 2, time: '12:00', minutes: 30, answers: [] },
] as const;

/** Requests for help to book, on the desks of the citizens' caseworkers. */
const DEMO_HELP_REQUESTS = [
  { id: 'demo-help-1', citizen_id: 'citizen-2', daysAgo: 1, reasons: ['interpreter'], message: 'Jeg vil gerne have en arabisk tolk med til samtalen.', phone: null },
  { id: 'demo-help-2', citizen_id: 'citizen-4', daysAgo: 2, reasons: ['phone'], message: 'Kan I ringe til mig og booke tiden sammen med mig?', phone: '+45 20 00 00 04' },
] as const;

/** The n-th Monday–Thursday after `now` (local dates), skipping the Christmas closure. */
function nthWorkday(now: Date, n: number): string {
  let date = localDate(now.getTime());
  for (let found = 0; found < n; ) {
    date = addDays(date, 1);
    if (isoWeekday(date) <= 4 && !CHRISTMAS_CLOSURE.includes(date)) found++;
  }
  return date;
}

/** Seeds the desk's bookings (each with its claim on the time) and help requests; answers how many rows were new. */
async function seedDesk(trx: Transaction<Database>, now: Date): Promise<number> {
  let inserted = 0;
  for (const { workday, time, minutes, answers, ...booking } of DEMO_BOOKINGS) {
    // Seeding again on a later day must not add a claim at a new time: only a booking that is new gets one.
    if ((await trx.selectFrom('bookings').select('id').where('id', '=', booking.id).executeTakeFirst()) !== undefined) continue;
    const date = nthWorkday(now, workday);
    const start = new Date(localToInstant(date, minutesOf(time))).toISOString();
    const end = new Date(localToInstant(date, minutesOf(time) + minutes)).toISOString();
    const claimed = await trx
      .insertInto('slot_claims')
      .values({ caseworker_id: booking.caseworker_id, start_at: start, end_at: end, state: 'booked', holder: booking.citizen_id, hold_id: null, expires_at: null, booking_id: booking.id })
      .onConflict((oc) => oc.columns(['caseworker_id', 'start_at']).doNothing())
      .returning('booking_id')
      .executeTakeFirst();
    if (claimed === undefined) continue; // someone in the demo already has that time
    const at = new Date(now.getTime() - 2 * DAY).toISOString();
    await trx
      .insertInto('bookings')
      .values({
        ...booking, start_at: start, end_at: end, status: 'booked', answers: JSON.stringify(answers), sequence: 0, cancel_reason: null, cancelled_by: null,
        booked_by: 'citizen', change_reason: null, desk_note: null, created_at: at, updated_at: at,
      })
      .execute();
    inserted += 2;
  }
  for (const { daysAgo, reasons, ...request } of DEMO_HELP_REQUESTS) {
    const result = await trx
      .insertInto('help_requests')
      .values({ ...request, reasons: JSON.stringify(reasons), created_at: new Date(now.getTime() - daysAgo * DAY).toISOString(), handled_at: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/** Live chat: what citizens can chat about (each routed to a team), and the caseworkers' prepared answers. */
export const CHAT_TOPICS = [
  { id: 'ydelser', team_id: 'team-nord', labels: { da: 'Dagpenge, kontanthjælp og andre ydelser', en: 'Unemployment benefits, social assistance and other benefits', ar: 'إعانة البطالة والمساعدة النقدية وإعانات أخرى' } },
  { id: 'job-og-cv', team_id: 'team-nord', labels: { da: 'Job, CV og ansøgninger', en: 'Jobs, CV and applications', ar: 'الوظائف والسيرة الذاتية وطلبات التوظيف' } },
  { id: 'unge', team_id: 'team-unge', labels: { da: 'Uddannelse og job for unge under 30', en: 'Education and jobs for young people under 30', ar: 'التعليم والعمل للشباب دون 30 عامًا' } },
  { id: 'andet', team_id: 'team-nord', labels: { da: 'Noget andet', en: 'Something else', ar: 'شيء آخر' } },
] as const;

const CANNED_REPLIES = [
  { id: 'canned-hello-da', language: 'da', title: 'Goddag', text: 'Hej, og tak fordi du skriver. Hvad kan jeg hjælpe dig med i dag?' },
  { id: 'canned-moment-da', language: 'da', title: 'Et øjeblik', text: 'Et øjeblik, så slår jeg det op for dig.' },
  { id: 'canned-joblog-da', language: 'da', title: 'Joblog', text: 'Du skriver dine ansøgninger i din joblog på Jobnet. Husk også jobmesser og netværksmøder.' },
  { id: 'canned-booking-da', language: 'da', title: 'Book en samtale', text: 'Du kan selv booke en samtale under "Book en samtale". Har du brug for hjælp, så ringer vi til dig.' },
  { id: 'canned-phone-da', language: 'da', title: 'Vi ringer til dig', text: 'Det er bedst, at vi tager det i telefonen. Må vi ringe til dig på det nummer, vi har?' },
  { id: 'canned-bye-da', language: 'da', title: 'Farvel', text: 'Tak for snakken. Skriv endelig igen, hvis du har flere spørgsmål. Hav en god dag.' },
  { id: 'canned-hello-en', language: 'en', title: 'Hello', text: 'Hello, and thank you for writing. How can I help you today?' },
  { id: 'canned-moment-en', language: 'en', title: 'One moment', text: 'One moment, please, while I look that up for you.' },
  { id: 'canned-joblog-en', language: 'en', title: 'Joblog', text: 'You record your applications in your joblog on Jobnet. Job fairs and network meetings count too.' },
  { id: 'canned-booking-en', language: 'en', title: 'Book a meeting', text: 'You can book a meeting yourself under "Book a meeting". If you need help, we will call you.' },
  { id: 'canned-phone-en', language: 'en', title: 'We will call you', text: 'This is easier to sort out by phone. May we call you on the number we have?' },
  { id: 'canned-bye-en', language: 'en', title: 'Goodbye', text: 'Thank you for the chat. Write again if you have more questions. Have a good day.' },
] as const;

async function seedChat(trx: Transaction<Database>): Promise<number> {
  let inserted = 0;
  for (const [position, { labels, ...topic }] of CHAT_TOPICS.entries()) {
    const result = await trx.insertInto('chat_topics').values({ ...topic, position, labels: JSON.stringify(labels) }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  for (const [position, reply] of CANNED_REPLIES.entries()) {
    const result = await trx.insertInto('chat_canned_replies').values({ ...reply, position }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/**
 * Lars's CV, shared with the job centre so the caseworker side (/medarbejder) has one to show: a plain JSON Resume
 * document (the widget's own additions under `x-jobunivers` come when he saves it in <ju-cv-builder>). Fictional.
 */
export const DEMO_CV = {
  basics: {
    name: 'Lars Nielsen',
    label: 'Erfaren lagermedarbejder med truckcertifikat',
    email: 'lars.nielsen@eksempel.dk',
    phone: '+45 20 00 00 01',
    summary: 'Jeg har arbejdet på lager i 30 år, de sidste 14 år som holdleder på aftenholdet. Jeg er stabil, møder altid til tiden og er god til at lære nye kolleger op. Jeg søger fast arbejde på et lager, i logistik eller som chauffør i Eksempelby og omegn.',
    location: { postalCode: '9999', city: 'Eksempelby', countryCode: 'DK' },
  },
  work: [
    {
      name: 'Nordlager A/S', location: 'Eksempelby', position: 'Lagermedarbejder og holdleder', startDate: '2012-04', endDate: '2026-06',
      summary: 'Holdleder for seks kolleger på aftenholdet i et lager med dagligvarer.',
      highlights: ['Plukning og pakning med håndscanner', 'Varemodtagelse og kontrol af leverancer', 'Oplæring af nye kolleger og vikarer'],
    },
    { name: 'Nordlager A/S', location: 'Eksempelby', position: 'Lagermedarbejder', startDate: '1996-08', endDate: '2012-03', highlights: ['Truckkørsel og opfyldning af reoler', 'Klargøring af ordrer til butikker'] },
    { name: 'Eksempelby Grossist', location: 'Eksempelby', position: 'Lagerarbejder', startDate: '1994-05', endDate: '1996-07' },
  ],
  volunteer: [
    { organization: 'Eksempelby Boldklub', position: 'Ungdomstræner', startDate: '2015-08', summary: 'Træner drengenes U12-hold to gange om ugen.' },
  ],
  education: [
    { institution: 'Erhvervsskolen Eksempelby', area: 'Lager og logistik', studyType: 'Erhvervsuddannelse', startDate: '1992-08', endDate: '1994-04' },
    { institution: 'Eksempelby Skole', studyType: 'Folkeskolens afgangsprøve (9. klasse)', endDate: '1990-06' },
  ],
  certificates: [
    { name: 'Truckcertifikat B', issuer: 'AMU Eksempelby', date: '2003-05' },
    { name: 'Førstehjælp, 12 timer', issuer: 'AMU Eksempelby', date: '2025-02' },
    { name: 'Kørekort kategori B og C', date: '1995-09' },
  ],
  skills: [
    { name: 'Lager og logistik', level: 'Erfaren', keywords: ['Plukning', 'Pakning', 'Varemodtagelse', 'Håndscanner', 'Lagerstyringssystem'] },
    { name: 'Ledelse', level: 'Øvet', keywords: ['Holdleder', 'Oplæring', 'Vagtplaner'] },
  ],
  languages: [
    { language: 'Dansk', fluency: 'Modersmål' },
    { language: 'Engelsk', fluency: 'B1' },
    { language: 'Tysk', fluency: 'A2' },
  ],
  references: [{ name: 'Henrik Sørensen, tidligere lagerchef hos Nordlager A/S', reference: 'Kontaktoplysninger gives gerne på forespørgsel.' }],
};

async function seedCv(trx: Transaction<Database>, now: Date): Promise<number> {
  const updatedAt = new Date(now.getTime() - 3 * DAY).toISOString();
  const result = await trx
    .insertInto('cvs')
    .values({
      citizen_id: 'citizen-1', document: JSON.stringify(DEMO_CV), name: DEMO_CV.basics.name, version: 4,
      created_at: new Date(now.getTime() - 20 * DAY).toISOString(), updated_at: updatedAt, shared_at: updatedAt,
    })
    .onConflict((oc) => oc.column('citizen_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** One of Lars's demo entries: the weeks before this one, the weekday (0 = Monday), and what happened after applying. */
interface DemoEntrySpec {
  weeksAgo: number;
  weekday: number;
  fields: Partial<JoblogEntryBody> & Pick<JoblogEntryBody, 'type' | 'title' | 'employer'>;
  /** Later status changes: days after the entry's date. */
  later?: { status: JoblogEntryBody['status']; outcome?: JoblogEntryBody['outcome']; afterDays: number }[];
}

const DEMO_JOBLOG: readonly DemoEntrySpec[] = [
  {
    weeksAgo: 4, weekday: 0,
    fields: { type: 'application', title: 'Lagermedarbejder', employer: 'Fjordfragt A/S', postalCode: '9999', town: 'Eksempelby', hoursPerWeek: 37, source: 'Jobnet', notes: 'Fik et pænt afslag på mail. De valgte en med erfaring fra frostlager.' },
    later: [{ status: 'closed', outcome: 'rejected', afterDays: 8 }],
  },
  {
    weeksAgo: 4, weekday: 2,
    fields: { type: 'application', title: 'Truckfører', employer: 'Kold Lager A/S', postalCode: '9998', town: 'Vestby', hoursPerWeek: 37, source: 'Jobindex', sourceUrl: 'https://job.eksempel.dk/annonce/48213' },
  },
  {
    weeksAgo: 4, weekday: 3,
    fields: { type: 'application', title: 'Pakkerimedarbejder', employer: 'Grønt Engros ApS', postalCode: '9999', town: 'Eksempelby', applicationKind: 'unsolicited', method: 'in-person', source: 'Virksomhedens hjemmeside', notes: 'Afleverede mit CV personligt til værkføreren, Jens.' },
  },
  {
    weeksAgo: 3, weekday: 0,
    fields: { type: 'application', title: 'Chauffør (kategori C)', employer: 'Vestjysk Transport A/S', postalCode: '9998', town: 'Vestby', hoursPerWeek: 37, method: 'phone', source: 'Avis', notes: 'Samtale hos Karina i transportafdelingen. Husk kørekort og truckcertifikat.' },
    later: [{ status: 'interview', afterDays: 15 }],
  },
  {
    weeksAgo: 3, weekday: 2,
    fields: { type: 'application', title: 'Varemodtager', employer: 'Byens Byggemarked', postalCode: '9999', town: 'Eksempelby', hoursPerWeek: 32, source: 'Jobnet' },
  },
  {
    weeksAgo: 3, weekday: 3,
    fields: { type: 'activity', title: 'Jobmesse i Eksempelby Hallen', employer: 'Jobcenter Eksempelby', postalCode: '9999', town: 'Eksempelby', notes: 'Talte med tre virksomheder om lagerjob og fik to visitkort.' },
  },
  {
    weeksAgo: 1, weekday: 0,
    fields: { type: 'application', title: 'Holdleder på lager', employer: 'Havnens Pakkecenter', postalCode: '9999', town: 'Eksempelby', hoursPerWeek: 37, source: 'LinkedIn', sourceUrl: 'https://job.eksempel.dk/annonce/51077', notes: 'Afslag efter fire dage. Stillingen gik til en intern kandidat.' },
    later: [{ status: 'closed', outcome: 'rejected', afterDays: 4 }],
  },
  {
    weeksAgo: 1, weekday: 1,
    fields: { type: 'application', title: 'Lagermedarbejder (vikar)', employer: 'Temp-Service Vikar ApS', postalCode: '9999', town: 'Eksempelby', hoursPerWeek: 30, method: 'temp-agency', source: 'Vikarbureau' },
  },
  {
    weeksAgo: 1, weekday: 2,
    fields: { type: 'application', title: 'Plukker på frostlager', employer: 'Nordfrost A/S', postalCode: '9998', town: 'Vestby', hoursPerWeek: 37, source: 'Jobnet' },
  },
  {
    weeksAgo: 1, weekday: 3,
    fields: { type: 'activity', title: 'Netværksmøde for ledige i lager og logistik', employer: 'A-kassen', postalCode: '9999', town: 'Eksempelby' },
  },
  {
    weeksAgo: 0, weekday: -1,
    fields: { type: 'application', title: 'Lagerekspedient', employer: 'Eksempelby Tømmerhandel', postalCode: '9999', town: 'Eksempelby', hoursPerWeek: 37, source: 'Jobnet' },
  },
  {
    weeksAgo: 0, weekday: -1,
    fields: { type: 'application', title: 'Chaufførmedhjælper', employer: 'Fjordfragt A/S', postalCode: '9999', town: 'Eksempelby', hoursPerWeek: 25, status: 'saved', source: 'Jobnet', notes: 'Skal søges inden fristen. Ring til Morten og hør om arbejdstiderne.' },
  },
];

/**
 * Lars's joblog as of `now`: twelve entries over the last five weeks (none in the holiday week two weeks ago, two
 * this week, one of them only saved), and the requirement his caseworker agreed: 1½ a week over four weeks, with
 * that holiday week exempt. Deterministic for a given `now` (dates relative to today in Europe/Copenhagen).
 */
export function demoJoblog(now: Date): { entries: JoblogEntryBody[]; requirement: JoblogRequirement } {
  const today = localDate(now.getTime());
  const monday = mondayOf(today);
  // Never later than a minute ago: seeded in the small hours, "today at 12:00" would be a change from the future.
  const stamp = (date: string, hour: number) => new Date(Math.min(localToInstant(date, hour * 60), now.getTime() - 60_000)).toISOString();
  const entries = DEMO_JOBLOG.map((spec, index): JoblogEntryBody => {
    // weekday -1: today (whatever day that is), so this week's entries are never in the future.
    const date = spec.weekday < 0 ? today : addDays(monday, spec.weekday - 7 * spec.weeksAgo);
    const application = spec.fields.type === 'application';
    const status = spec.fields.status ?? (application ? 'applied' : 'closed');
    const history: JoblogEntryBody['history'] = [{ status, outcome: null, on: date }];
    for (const change of spec.later ?? []) history.push({ status: change.status, outcome: change.outcome ?? null, on: addDays(date, change.afterDays) });
    const last = history[history.length - 1] ?? { status, outcome: null, on: date };
    return {
      id: `5eed1065-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      postalCode: '', town: '', hoursPerWeek: null, source: '', sourceUrl: '', notes: '', cv: null, deadline: null,
      applicationKind: application ? 'advertised' : null,
      method: application ? 'written' : null,
      activityKind: application ? null : index === 5 ? 'job-fair' : 'network-meeting',
      ...spec.fields,
      date,
      status: last.status,
      outcome: last.outcome,
      history,
      ...(status === 'saved' ? { deadline: addDays(today, 7) } : {}),
      createdAt: stamp(date, 10),
      updatedAt: stamp(last.on, 12),
    };
  });
  const requirement: JoblogRequirement = {
    perWeek: 1.5, scale: 1, averageOverWeeks: 4, activitiesCount: false,
    exemptWeeks: [{ week: isoWeekOf(addDays(monday, -14)), reason: 'holiday' }],
  };
  return { entries, requirement };
}

/** Lars's joblog, shared with the job centre so Mette sees it on /medarbejder. Only when he has none yet. */
async function seedJoblog(trx: Transaction<Database>, now: Date): Promise<number> {
  const { entries, requirement } = demoJoblog(now);
  // Change order: by the time of each entry's last change.
  const ordered = [...entries].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
  const joblog = await trx
    .insertInto('joblogs')
    .values({ citizen_id: 'citizen-1', last_seq: ordered.length, entry_count: ordered.length, shared_at: new Date(now.getTime() - 14 * DAY).toISOString(), changed_at: ordered.at(-1)?.updatedAt ?? null })
    .onConflict((oc) => oc.column('citizen_id').doNothing())
    .executeTakeFirst();
  let inserted = Number(joblog.numInsertedOrUpdatedRows ?? 0n);
  if (inserted > 0) {
    await trx.insertInto('joblog_entries').values(ordered.map((entry, index) => ({
      citizen_id: 'citizen-1', id: entry.id, seq: index + 1, version: entry.history.length, deleted: 0, document: entryDocument(entry),
      date: entry.date, type: entry.type, status: entry.status, changed_at: entry.updatedAt,
    }))).execute();
    inserted += ordered.length;
  }
  const agreed = await trx
    .insertInto('joblog_requirements')
    .values({ citizen_id: 'citizen-1', document: requirementDocument(requirement), version: 1, updated_at: new Date(now.getTime() - 30 * DAY).toISOString(), updated_by: 'caseworker-1' })
    .onConflict((oc) => oc.column('citizen_id').doNothing())
    .executeTakeFirst();
  return inserted + Number(agreed.numInsertedOrUpdatedRows ?? 0n);
}

/**
 * The video library's demo states for Lars: one video half-watched ("continue watching") and one completed. Runs
 * after the catalogue import (it needs the durations); a video missing from the catalogue is skipped, and progress
 * that already exists is never overwritten.
 */
const DEMO_VIDEO_PROGRESS = [
  { citizen_id: 'citizen-1', video_id: 'brug-jobloggen', share: 0.45, completed: false },
  { citizen_id: 'citizen-1', video_id: 'skriv-et-godt-cv', share: 1, completed: true },
] as const;

export async function seedDemoVideoProgress(db: Kysely<Database>): Promise<number> {
  let inserted = 0;
  const now = Date.now();
  for (const [index, entry] of DEMO_VIDEO_PROGRESS.entries()) {
    const video = await db.selectFrom('videos').select('duration').where('id', '=', entry.video_id).executeTakeFirst();
    const citizen = await db.selectFrom('users').select('id').where('id', '=', entry.citizen_id).executeTakeFirst();
    if (video === undefined || citizen === undefined) continue;
    const seen = Math.round(video.duration * entry.share * 1000) / 1000;
    const at = new Date(now - (index + 1) * DAY).toISOString();
    const result = await db.insertInto('video_progress')
      .values({
        citizen_id: entry.citizen_id, video_id: entry.video_id, position: entry.completed ? 0 : seen,
        watched: JSON.stringify([[0, seen]]), watched_seconds: seen, completed_at: entry.completed ? at : null, updated_at: at, version: 1,
      })
      .onConflict((oc) => oc.columns(['citizen_id', 'video_id']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}
