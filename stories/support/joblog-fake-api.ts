// Set-up for the joblog stories: a fresh browser store per story render (seeded with entries and the view the
// citizen chose last, when the story needs them), entries dated relative to today in Copenhagen so the meter and
// the reminders read the same on any day, and fake servers for the citizen's joblog routes under their own base
// URL (see fake-fetch-router.ts), so stories never see each other's data.
import { newEntry, type EntryType, type IsoDate, type IsoWeek, type JoblogEntry, type Requirement, type Status } from '../../packages/joblog/src/model/entry.js';
import { addDays, addWeeks, isoWeekOf, today } from '../../packages/joblog/src/model/weeks.js';
import { JoblogStore, type JoblogView } from '../../packages/joblog/src/storage/entry-store.js';
import { FakeJoblogServer } from '../../packages/joblog/test/support/sync-fake-joblog-server.js';
import { mountFake } from './fake-fetch-router.js';

/** A citizen's token as the fake joblog server expects it (`Bearer citizen…`). */
export const STORY_CITIZEN_TOKEN = 'citizen-story';

/** Today in Copenhagen, as the widget reads it. */
export function storyToday(): IsoDate {
  return today(new Date());
}

let stores = 0;

/** A store name no other story render uses; `entries` (and the view last chosen) are stored in it first. */
export async function storyStore(entries: readonly JoblogEntry[] = [], view?: JoblogView): Promise<string> {
  stores += 1;
  const name = `story-joblog-${String(Date.now())}-${String(stores)}`;
  if (entries.length > 0 || view !== undefined) {
    const store = await JoblogStore.open({ name });
    if (entries.length > 0) await store.putMany(entries);
    if (view !== undefined) await store.setMeta('prefs', { view });
    store.close();
  }
  return name;
}

let ids = 0;

export interface StoryEntryFields extends Partial<JoblogEntry> {
  /** Days before today (0 = today); sets `date` and the history. */
  daysAgo?: number;
}

/** An entry dated `daysAgo` days before today, with a history that follows its status. */
export function storyEntry({ daysAgo = 0, ...fields }: StoryEntryFields = {}, type: EntryType = fields.type ?? 'application'): JoblogEntry {
  ids += 1;
  const date = fields.date ?? addDays(storyToday(), -daysAgo);
  const entry = newEntry(new Date(`${date}T09:00:00Z`), date, type);
  const status: Status = fields.status ?? entry.status;
  const history = fields.history ?? (status === 'interview'
    ? [{ status: 'applied' as const, outcome: null, on: date }, { status, outcome: null, on: addDays(date, Math.min(daysAgo, 7)) }]
    : [{ status, outcome: fields.outcome ?? null, on: date }]);
  return { ...entry, id: `story-entry-${String(ids)}`, title: 'Lagermedarbejder', employer: 'Salling Group', postalCode: '7100', town: 'Vejle', hoursPerWeek: 37, source: 'Jobnet', ...fields, date, status, history };
}

const TITLES = ['Lagermedarbejder', 'Pædagogmedhjælper', 'Social- og sundhedshjælper', 'Kok', 'Buschauffør', 'Butiksassistent', 'IT-supporter', 'Rengøringsassistent', 'Tømrer', 'Økonomiassistent'];
const EMPLOYERS = ['Salling Group', 'Coop Danmark', 'Region Syddanmark', 'Vejle Kommune', 'Arla Foods', 'DSV', 'Netto', 'Café Åen'];
const TOWNS: [string, string][] = [['7100', 'Vejle'], ['7000', 'Fredericia'], ['6000', 'Kolding'], ['8700', 'Horsens']];
const STATUSES: Status[] = ['applied', 'applied', 'interview', 'saved', 'closed'];

/**
 * A joblog kept for months: `count` entries spread over the last `weeks` weeks (a few every week), the newest ones
 * this week, in every status — the same entries on every render (only the dates move with today).
 */
export function busyJoblog(count = 240, weeks = 26): JoblogEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const [postalCode, town] = TOWNS[index % TOWNS.length] ?? ['7100', 'Vejle'];
    const status = index < 6 ? 'applied' : STATUSES[index % STATUSES.length] ?? 'applied';
    return storyEntry({
      daysAgo: Math.floor((index * weeks * 7) / count),
      title: TITLES[index % TITLES.length],
      employer: EMPLOYERS[(index * 3) % EMPLOYERS.length],
      postalCode,
      town,
      status,
      outcome: status === 'closed' ? 'rejected' : null,
      method: index % 4 === 0 ? 'phone' : 'written',
      applicationKind: index % 5 === 0 ? 'unsolicited' : 'advertised',
      ...(index % 7 === 3 ? { deadline: addDays(storyToday(), 5) } : {}),
    });
  });
}

/** A full-time requirement (1½ a week over 4 weeks) with `exempt` weeks before this one, counted from this week. */
export function storyRequirement(exemptWeeksBack: { back: number; reason: 'sickness' | 'holiday' | 'exemption' }[] = []): Requirement {
  return {
    perWeek: 1.5,
    scale: 1,
    averageOverWeeks: 4,
    activitiesCount: false,
    exemptWeeks: exemptWeeksBack.map(({ back, reason }) => ({ week: weekBack(back), reason })),
  };
}

/** The ISO week `back` weeks before this one (0 = this week). */
function weekBack(back: number): IsoWeek {
  return addWeeks(isoWeekOf(storyToday()), -back);
}

/** A fake joblog server holding `entries` (as if saved from another device) and the `api` URL that reaches it. */
export function fakeJoblogApi(entries: readonly JoblogEntry[] = [], requirement: Requirement | null = null): { api: string; server: FakeJoblogServer } {
  const server = new FakeJoblogServer();
  for (const entry of entries) server.saveFromAnotherDevice(entry);
  server.requirement = requirement;
  return { api: mountFake('joblog.fake.invalid', server), server };
}

/** An `api` URL where the server cannot be reached: every request fails as a dropped connection does. */
export function unreachableJoblogApi(): string {
  return mountFake('joblog-offline.fake.invalid', {
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
  });
}
