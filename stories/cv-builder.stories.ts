import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@jobunivers/cv-builder';
import { emptyCv, newItem, type Cv } from '../packages/cv-builder/src/model/cv.js';
import { completeCv } from '../packages/cv-builder/test/preview-fixtures.js';
import { STORY_CITIZEN_TOKEN, fakeCvApi, storyStore } from './support/cv-builder-fake-api.js';
import { storyRoot, until } from './support/settled.js';

const { shadowOf, showing } = storyRoot('ju-cv-builder');

interface CvBuilderArgs {
  headingLevel: number;
}

interface Loaded {
  store: string;
  api?: string;
  token?: string;
}

type StoryContext = Parameters<NonNullable<StoryObj['play']>>[0];

function builder(args: CvBuilderArgs, loaded: Loaded): TemplateResult {
  return html`<ju-cv-builder store-name=${loaded.store} heading-level=${args.headingLevel} api=${ifDefined(loaded.api)} .token=${loaded.token}></ju-cv-builder>`;
}

/** A CV half-way: contact details, one job title and one job; no education or conditions yet. */
function partlyFilledCv(): Cv {
  const cv = emptyCv();
  cv.contact = { ...cv.contact, name: 'Amira Haddad', email: 'amira.haddad@example.dk', phone: '20 30 40 50', postalCode: '7100', city: 'Vejle' };
  cv.jobTitles.items = [{ ...newItem.jobTitles(), title: 'Lagermedarbejder' }];
  cv.work.items = [{ ...newItem.work(), position: 'Pakkeriarbejder', employer: 'Dansk Distribution A/S', location: 'Vejle', start: '2019-03', end: 'present', highlights: ['Plukker og pakker 300 ordrer om dagen', 'Truckcertifikat B'] }];
  return cv;
}

/** Opens a toolbar dialog (the button's id is `tb-<action>`) and waits until it shows `expect`. */
async function openDialog(context: StoryContext, action: string, expect: string): Promise<ShadowRoot> {
  const root = await showing(context, `#tb-${action}`);
  root.querySelector<HTMLButtonElement>(`#tb-${action}`)?.click();
  return showing(context, expect);
}

const meta: Meta<CvBuilderArgs> = {
  title: 'CV/CV builder',
  component: 'ju-cv-builder',
  tags: ['autodocs'],
  args: { headingLevel: 2 },
  argTypes: { headingLevel: { control: { type: 'number', min: 2, max: 6 } } },
  loaders: [async (): Promise<Loaded> => ({ store: await storyStore() })],
  render: (args, { loaded }) => builder(args, loaded as Loaded),
  play: async (context) => { await showing(context, '#tb-export'); },
  parameters: {
    docs: {
      description: {
        component:
          'A CV builder that never loses a word: every section Jobnet and Europass ask for, guidance in plain Danish, autosave to the browser within a second, undo/redo, named versions, ' +
          'JSON Resume import/export, a PDF with real text, and — signed in — sync with the job centre and sharing with the caseworker. ' +
          'Each story has its own browser store; the signed-in stories talk to an in-memory fake of the CV routes (`packages/cv-builder/test/support/sync-fake-cv-server.ts`).',
      },
    },
  },
};

export default meta;
type Story = StoryObj<CvBuilderArgs>;

export const Empty: Story = {
  parameters: { docs: { description: { story: 'A first visit: empty sections with "Gode råd", the checklist of what Jobnet needs, and a note that the CV is kept only in this browser.' } } },
};

export const PartlyFilled: Story = {
  name: 'Partly filled',
  loaders: [async (): Promise<Loaded> => ({ store: await storyStore(partlyFilledCv()) })],
  play: async (context) => { await showing(context, '[part~="completeness"]'); },
  parameters: { docs: { description: { story: 'Contact details, a job title and a job: the checklist says kindly what is left (conditions, education).' } } },
};

export const Complete: Story = {
  loaders: [async (): Promise<Loaded> => ({ store: await storyStore(completeCv()) })],
  play: async (context) => {
    const root = await showing(context, '#tb-preview');
    root.querySelector<HTMLButtonElement>('#tb-preview')?.click();
    await showing(context, '[part~="cv"]');
  },
  parameters: { docs: { description: { story: 'Every section filled, some items hidden from the CV ("Skjult i CV\'et"), with the preview open beside the editor.' } } },
};

export const Conflict: Story = {
  name: 'Conflict with another device',
  loaders: [
    async (): Promise<Loaded> => {
      const other = partlyFilledCv();
      other.contact.headline = 'Lagermedarbejder med truckcertifikat';
      const { api } = fakeCvApi(other);
      return { store: await storyStore(partlyFilledCv()), api, token: STORY_CITIZEN_TOKEN };
    },
  ],
  play: async (context) => {
    const root = await showing(context, '[part~="conflict-note"] button');
    root.querySelector<HTMLButtonElement>('[part~="conflict-note"] button')?.click();
    await showing(context, 'dialog[open]');
  },
  parameters: { docs: { description: { story: 'The CV was changed on another device too: nothing is sent until the citizen chooses, and the version not chosen is kept as a named version.' } } },
};

export const ImportError: Story = {
  name: 'Import error',
  play: async (context) => {
    const root = await openDialog(context, 'import', '#import-file');
    const input = root.querySelector<HTMLInputElement>('#import-file');
    if (input === null) throw new Error('no file field');
    const transfer = new DataTransfer();
    const broken = { basics: { name: 'Amira Haddad', email: 42 }, work: [{ name: 'Bilka', startDate: '2024-13' }, 'not an item'] };
    transfer.items.add(new File([JSON.stringify(broken)], 'cv.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(() => shadowOf(context.canvasElement).querySelector('dialog[open] li') !== null, 'the import problems');
  },
  parameters: { docs: { description: { story: 'A file with mistakes: every problem is named field by field ("Erhvervserfaring 1 → Startdato"), and nothing is imported or overwritten.' } } },
};

export const Export: Story = {
  loaders: [async (): Promise<Loaded> => ({ store: await storyStore(partlyFilledCv()) })],
  play: async (context) => { await openDialog(context, 'export', 'dialog[open] fieldset'); },
  parameters: { docs: { description: { story: 'Export: a PDF (simple one-column or Europass-like, Danish or English headings), a JSON Resume file, or print. The PDF writer loads only now.' } } },
};
