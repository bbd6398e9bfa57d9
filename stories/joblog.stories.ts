import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@jobunivers/joblog';
import type { Requirement } from '../packages/joblog/src/model/entry.js';
import type { JoblogView } from '../packages/joblog/src/storage/entry-store.js';
import {
  STORY_CITIZEN_TOKEN, busyJoblog, storyEntry, storyRequirement, storyStore, storyToday, unreachableJoblogApi,
} from './support/joblog-fake-api.js';
import { storyRoot, until } from './support/settled.js';

const { shadowOf, showing } = storyRoot('ju-joblog');

interface JoblogArgs {
  headingLevel: number;
}

interface Loaded {
  store: string;
  api?: string;
  token?: string;
  requirement?: Requirement;
}

function joblog(args: JoblogArgs, loaded: Loaded): TemplateResult {
  return html`<ju-joblog store-name=${loaded.store} heading-level=${args.headingLevel} api=${ifDefined(loaded.api)} .token=${loaded.token}
    .requirement=${loaded.requirement}></ju-joblog>`;
}

/** A loader for a story whose browser store holds `entries` (built at load time, so dates follow today). */
function seeded(entries: () => Parameters<typeof storyStore>[0], view?: JoblogView, extra: Omit<Loaded, 'store'> = {}): () => Promise<Loaded> {
  return async () => ({ store: await storyStore(entries(), view), ...extra });
}

/** The selector each view shows when it has rendered its entries. */
const VIEW_READY = { list: '[part~="row"]', board: '[part~="card"]', week: '[part~="week"]' } as const;

const meta: Meta<JoblogArgs> = {
  title: 'Joblog/Citizen',
  component: 'ju-joblog',
  tags: ['autodocs'],
  args: { headingLevel: 2 },
  argTypes: { headingLevel: { control: { type: 'number', min: 2, max: 6 } } },
  loaders: [async (): Promise<Loaded> => ({ store: await storyStore() })],
  render: (args, { loaded }) => joblog(args, loaded as Loaded),
  play: async (context) => { await showing(context, '#jl-add-application'); },
  parameters: {
    docs: {
      description: {
        component:
          'The jobseeker\'s joblog: applications and activities in Jobnet\'s fields, the agreed requirement said kindly, reminders, a list that stays fast at 10,000 entries, ' +
          'a board by status and a week-by-week overview, CSV/PDF export and CSV import. It works with no server (IndexedDB) and, signed in, syncs with the job centre. ' +
          'Each story has its own browser store, and its entries are dated relative to today (Europe/Copenhagen), so the meter reads the same whatever the day.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<JoblogArgs>;

export const Empty: Story = {
  play: async (context) => { await showing(context, '[part~="empty"]'); },
  parameters: { docs: { description: { story: 'A first visit: nothing logged yet, the rule of thumb (1½ a week) assumed because no requirement is known, and where the joblog is kept.' } } },
};

export const FirstEntry: Story = {
  name: 'First entry',
  loaders: [seeded(() => [storyEntry({ title: 'Pædagogmedhjælper', employer: 'Vejle Kommune', source: 'Jobnet', deadline: null })])],
  play: async (context) => { await showing(context, VIEW_READY.list); },
  parameters: { docs: { description: { story: 'One application logged today: the meter counts only from the week the log starts, so the citizen is not told to catch up on weeks before it.' } } },
};

export const BusyWeekList: Story = {
  name: 'Busy week: list',
  loaders: [seeded(() => busyJoblog(), 'list', { requirement: storyRequirement() })],
  play: async (context) => { await showing(context, VIEW_READY.list); },
  parameters: { docs: { description: { story: 'Half a year of applications, six of them this week: the list with search, filters and sort. Only the rows in view are in the page.' } } },
};

export const BusyWeekBoard: Story = {
  name: 'Busy week: board',
  loaders: [seeded(() => busyJoblog(), 'board', { requirement: storyRequirement() })],
  play: async (context) => { await showing(context, VIEW_READY.board); },
  parameters: { docs: { description: { story: 'The same joblog as a board by status (Gemt til senere, Søgt, Samtale, Afsluttet); each card moves by its "Flyt" menu or by dragging.' } } },
};

export const BusyWeekWeeks: Story = {
  name: 'Busy week: weeks',
  loaders: [seeded(() => busyJoblog(), 'week', { requirement: storyRequirement() })],
  play: async (context) => { await showing(context, VIEW_READY.week); },
  parameters: { docs: { description: { story: 'The same joblog week by week, newest first, each week with its count against the requirement.' } } },
};

export const BehindRequirement: Story = {
  name: 'Behind requirement',
  loaders: [seeded(() => [
    storyEntry({ daysAgo: 21, title: 'Butiksassistent', employer: 'Netto' }),
    storyEntry({ daysAgo: 20, title: 'Lagermedarbejder', employer: 'DSV', status: 'closed', outcome: 'rejected' }),
  ], 'list', { requirement: storyRequirement() })],
  play: async (context) => { await showing(context, '[part~="meter"][data-status="behind"]'); },
  parameters: { docs: { description: { story: 'Two applications in four weeks against 1½ a week: the meter says how many more this week brings the average back, kindly, and the reminders suggest what to do next.' } } },
};

export const ExemptWeek: Story = {
  name: 'Exempt week',
  loaders: [seeded(() => [
    storyEntry({ daysAgo: 16, title: 'Kok', employer: 'Café Åen', postalCode: '7000', town: 'Fredericia' }),
    storyEntry({ daysAgo: 15, title: 'Køkkenmedhjælper', employer: 'Region Syddanmark', status: 'interview' }),
  ], 'week', { requirement: storyRequirement([{ back: 0, reason: 'sickness' }, { back: 1, reason: 'sickness' }]) })],
  play: async (context) => {
    await showing(context, VIEW_READY.week);
    await showing(context, '[part~="meter"][data-status="exempt"]');
  },
  parameters: { docs: { description: { story: 'The citizen is ill this week and was last week: nothing is asked, and the exempt weeks are left out of the average and marked in the week overview.' } } },
};

export const Offline: Story = {
  loaders: [seeded(() => busyJoblog(12, 3), 'list', { api: unreachableJoblogApi(), token: STORY_CITIZEN_TOKEN })],
  play: async (context) => {
    await showing(context, VIEW_READY.list);
    // The sync tries the server first ("Sender til jobcentret …") and then says the changes wait here.
    const saveState = (): string => (shadowOf(context.canvasElement).querySelector('#jl-save-state')?.textContent ?? '').trim();
    await until(() => saveState() !== '' && !saveState().endsWith('…'), 'the offline note');
  },
  parameters: { docs: { description: { story: 'Signed in, but the job centre\'s server cannot be reached: everything in this browser is shown, and the status line says the changes are kept here and sent when the connection is back.' } } },
};

export const ImportError: Story = {
  name: 'Import error',
  play: async (context) => {
    const root = await showing(context, '#jl-import');
    root.querySelector<HTMLButtonElement>('#jl-import')?.click();
    await showing(context, '#im-file');
    const input = root.querySelector<HTMLInputElement>('#im-file');
    if (input === null) throw new Error('no file field');
    const date = storyToday();
    // Danish headers as the export writes them; row 3 has no title and a 2-digit postcode, row 4 an impossible date.
    const csv = [
      'Titel;Arbejdsgiver;Postnr.;By;Dato;Status',
      `Lagermedarbejder;Salling Group;7100;Vejle;${date};Søgt`,
      `;Føtex;71;Vejle;${date};Søgt`,
      'Kok;Café Åen;7000;Fredericia;2026-13-01;Søgt',
    ].join('\r\n');
    const transfer = new DataTransfer();
    transfer.items.add(new File([`${csv}\r\n`], 'joblog.csv', { type: 'text/csv' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(() => shadowOf(context.canvasElement).querySelector('dialog[open] li') !== null, 'the import problems');
    await showing(context, 'dialog[open] li');
  },
  parameters: { docs: { description: { story: 'A CSV file with mistakes: each row that cannot be imported is named with its line and what to fix; the good rows can still be imported, and nothing twice.' } } },
};

export const EntryForm: Story = {
  name: 'Entry form open',
  loaders: [seeded(() => [storyEntry({ title: 'Pædagogmedhjælper', employer: 'Vejle Kommune', daysAgo: 2 })])],
  play: async (context) => {
    const root = await showing(context, '#jl-add-application');
    root.querySelector<HTMLButtonElement>('#jl-add-application')?.click();
    await showing(context, 'dialog[open] #ef-title');
  },
  parameters: { docs: { description: { story: '"Tilføj ansøgning": the form with Jobnet\'s fields, every one labelled, checked for an application already logged before it is saved.' } } },
};
