import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@jobunivers/joblog/viewer';
import { JOBLOG_CASEWORKER_TOKEN, demoJoblogCitizens, fakeJoblogViewerApi } from './support/joblog-viewer-fake-api.js';
import { storyRoot } from './support/settled.js';

const { showing, shadowOf } = storyRoot('ju-joblog-viewer');

const meta: Meta = {
  title: 'Joblog/Caseworker viewer',
  component: 'ju-joblog-viewer',
  tags: ['autodocs'],
  render: () => html`<ju-joblog-viewer api=${fakeJoblogViewerApi().api} .token=${JOBLOG_CASEWORKER_TOKEN}></ju-joblog-viewer>`,
  play: async (context) => { await showing(context, '[part~="list"] button'); },
  parameters: {
    docs: {
      description: {
        component:
          'The caseworker\'s read-only view of the joblogs citizens share: this week against the agreed requirement, the rolling average, entries and last change; one joblog at a time as a list or week by week, with the requirement meter, "Udskriv" and a small form to agree the requirement. ' +
          'These stories talk to an in-memory fake of the caseworker\'s joblog routes (`stories/support/joblog-viewer-fake-api.ts`).',
      },
    },
  },
};

export default meta;
type Story = StoryObj;

export const SharedJoblogs: Story = {
  name: 'Shared joblogs',
  parameters: { docs: { description: { story: 'Three citizens share: Amira is on track, Jens is below his part-time requirement, Søren has no requirement and no entries yet.' } } },
};

export const NoneShared: Story = {
  name: 'Nobody shares',
  render: () => html`<ju-joblog-viewer api=${fakeJoblogViewerApi([]).api} .token=${JOBLOG_CASEWORKER_TOKEN}></ju-joblog-viewer>`,
  play: async (context) => { await showing(context, '[part~="empty"]'); },
  parameters: { docs: { description: { story: 'No citizen shares a joblog yet.' } } },
};

export const OpenBusy: Story = {
  name: 'One joblog open (busy)',
  render: () => html`<ju-joblog-viewer api=${fakeJoblogViewerApi().api} .token=${JOBLOG_CASEWORKER_TOKEN} citizen="c-amira"></ju-joblog-viewer>`,
  play: async (context) => { await showing(context, '.ju-joblog-row'); },
  parameters: { docs: { description: { story: 'Amira\'s joblog: 14 entries, on track with 1.5 a week. Read-only: the entries open in a dialog, nothing can be moved or changed.' } } },
};

export const Behind: Story = {
  name: 'Behind the requirement',
  render: () => html`<ju-joblog-viewer api=${fakeJoblogViewerApi().api} .token=${JOBLOG_CASEWORKER_TOKEN} citizen="c-jens"></ju-joblog-viewer>`,
  play: async (context) => {
    const root = await showing(context, '#view-weeks');
    root.querySelector<HTMLButtonElement>('#view-weeks')?.click();
    await showing(context, '.ju-joblog-weeks');
  },
  parameters: { docs: { description: { story: 'Jens is below his part-time requirement (2 a week at 50 %), with a sick week that does not count, shown week by week.' } } },
};

export const RequirementForm: Story = {
  name: 'Requirement form',
  render: () => html`<ju-joblog-viewer api=${fakeJoblogViewerApi().api} .token=${JOBLOG_CASEWORKER_TOKEN} citizen="c-jens"></ju-joblog-viewer>`,
  play: async (context) => {
    const root = await showing(context, '#rq-edit');
    root.querySelector<HTMLButtonElement>('#rq-edit')?.click();
    await showing(context, '[part~="requirement-form"]');
  },
  parameters: { docs: { description: { story: 'The form that agrees the requirement: applications a week (decimals allowed), part time, weeks that do not count and why. Saved with If-Match; a colleague\'s change is shown and the input kept.' } } },
};

export const Revoked: Story = {
  name: 'Consent withdrawn',
  render: () => {
    const citizens = demoJoblogCitizens().map((citizen) => (citizen.citizenId === 'c-jens' ? { ...citizen, shared: false } : citizen));
    return html`<ju-joblog-viewer api=${fakeJoblogViewerApi(citizens).api} .token=${JOBLOG_CASEWORKER_TOKEN} citizen="c-jens"></ju-joblog-viewer>`;
  },
  play: async (context) => { await showing(context, '[part~="revoked"]'); },
  parameters: { docs: { description: { story: 'Jens withdrew his consent: the caseworker is told plainly and sees nothing of his joblog.' } } },
};

export const Offline: Story = {
  name: 'Offline',
  render: () => {
    const { api, server } = fakeJoblogViewerApi();
    server.fail('GET *', 'network', true);
    return html`<ju-joblog-viewer api=${api} .token=${JOBLOG_CASEWORKER_TOKEN}></ju-joblog-viewer>`;
  },
  play: async (context) => {
    await showing(context, '[part~="problem"]');
    if (shadowOf(context.canvasElement).querySelector('[part~="problem"] button') === null) throw new Error('no "Prøv igen"');
  },
  parameters: { docs: { description: { story: 'The server cannot be reached: the list says so and offers "Prøv igen".' } } },
};
