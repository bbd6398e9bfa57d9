import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@jobunivers/cv-builder/viewer';
import { demoCitizens } from '../packages/cv-builder/test/viewer-fake-server.js';
import { STORY_CASEWORKER_TOKEN, fakeCvViewerApi } from './support/cv-builder-fake-api.js';
import { storyRoot } from './support/settled.js';

const { showing } = storyRoot('ju-cv-viewer');

const meta: Meta = {
  title: 'CV/CV viewer (caseworker)',
  component: 'ju-cv-viewer',
  tags: ['autodocs'],
  render: () => html`<ju-cv-viewer api=${fakeCvViewerApi()} .token=${STORY_CASEWORKER_TOKEN}></ju-cv-viewer>`,
  play: async (context) => { await showing(context, '[part~="list"] button'); },
  parameters: {
    docs: {
      description: {
        component:
          'The caseworker\'s read-only view of the CVs citizens chose to share with the job centre: a list filtered as you type, the CV as the citizen wrote it (hidden items left out), and "Udskriv". ' +
          'These stories talk to an in-memory fake of `GET /v1/cvs` (`packages/cv-builder/test/viewer-fake-server.ts`).',
      },
    },
  },
};

export default meta;
type Story = StoryObj;

export const SharedCvs: Story = {
  name: 'Shared CVs',
  parameters: { docs: { description: { story: 'Three citizens have shared their CV: name, last change and when they shared it.' } } },
};

export const OpenCv: Story = {
  name: 'A CV opened',
  render: () => html`<ju-cv-viewer api=${fakeCvViewerApi()} .token=${STORY_CASEWORKER_TOKEN} citizen="c-amira"></ju-cv-viewer>`,
  play: async (context) => { await showing(context, '[part~="cv"]'); },
  parameters: { docs: { description: { story: 'Amira\'s CV, read-only, with "Tilbage til listen" and "Udskriv".' } } },
};

export const NoneShared: Story = {
  name: 'Nobody has shared',
  render: () => html`<ju-cv-viewer api=${fakeCvViewerApi([])} .token=${STORY_CASEWORKER_TOKEN}></ju-cv-viewer>`,
  play: async (context) => { await showing(context, '[part~="empty"]'); },
  parameters: { docs: { description: { story: 'No citizen has shared a CV yet.' } } },
};

export const Withdrawn: Story = {
  name: 'Consent withdrawn',
  render: () => {
    const citizens = demoCitizens().map((citizen) => (citizen.citizenId === 'c-jens' ? { ...citizen, shared: false } : citizen));
    return html`<ju-cv-viewer api=${fakeCvViewerApi(citizens)} .token=${STORY_CASEWORKER_TOKEN} citizen="c-jens"></ju-cv-viewer>`;
  },
  play: async (context) => { await showing(context, '[part~="revoked"]'); },
  parameters: { docs: { description: { story: 'Jens withdrew his consent after the list was loaded: the caseworker is told plainly, and sees nothing of his CV.' } } },
};
