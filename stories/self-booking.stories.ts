import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@jobunivers/self-booking';
import type { FakeBookingServer, FakeBookingServerOptions } from '../packages/self-booking/test/support/fake-booking-server.js';
import { fakeBookingApi } from './support/booking-fake-api.js';
import { allElementsRendered, storyRoot, until } from './support/settled.js';

const { shadowOf } = storyRoot('ju-self-booking');

const DAY = 24 * 3600e3;
const localDate = (time: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);

interface SelfBookingArgs {
  deadline?: string;
  view?: 'book' | 'mine';
  meetingType?: string;
}

interface StoryContext {
  canvasElement: HTMLElement;
}

/** The widget against its own fake server. */
function widget(args: SelfBookingArgs, options: FakeBookingServerOptions = {}, prepare?: (server: FakeBookingServer) => void, token: string | undefined = 'story-token'): TemplateResult {
  return html`<ju-self-booking api=${fakeBookingApi(options, prepare)} .token=${token} deadline=${ifDefined(args.deadline)}
    view=${ifDefined(args.view)} meeting-type=${ifDefined(args.meetingType)}></ju-self-booking>`;
}

/** Waits until the widget has left its loading state (and its strings have loaded). */
async function loaded(context: StoryContext): Promise<ShadowRoot> {
  await allElementsRendered(context);
  const root = shadowOf(context.canvasElement);
  await until(() => root.querySelector('.loading') === null && root.querySelector('h3, .ju-message') !== null, 'the widget to load');
  await allElementsRendered(context);
  return root;
}

function click(root: ShadowRoot, selector: string): void {
  const target = root.querySelector<HTMLElement>(selector);
  if (target === null) throw new Error(`nothing matches ${selector}`);
  target.click();
}

/** Holds the first free time and waits for the confirm step. */
async function holdFirstTime(context: StoryContext): Promise<ShadowRoot> {
  const root = await loaded(context);
  click(root, '.slots button');
  await until(() => root.querySelector('#details-heading') !== null, 'the confirm step');
  await allElementsRendered(context);
  return root;
}

const meta: Meta<SelfBookingArgs> = {
  title: 'Widgets/Self-booking',
  component: 'ju-self-booking',
  tags: ['autodocs'],
  args: {},
  argTypes: {
    deadline: { control: 'text', description: 'YYYY-MM-DD' },
    view: { control: 'select', options: ['book', 'mine'] },
  },
  render: (args) => widget(args),
  play: async (context) => { await loaded(context); },
};

export default meta;
type Story = StoryObj<SelfBookingArgs>;

export const ChooseATime: Story = {
  name: 'Choose a time',
  parameters: { docs: { description: { story: 'The first step: how to meet, a month calendar (arrow keys, Home/End, Page Up/Down) and the free times of the chosen day. The first day with a free time is chosen already.' } } },
};

export const Loading: Story = {
  render: (args) => widget(args, {}, (server) => { server.fail('GET /v1/booking/meeting-types', 'never', true); }),
  play: allElementsRendered,
  parameters: { docs: { description: { story: 'While the free times are on their way. The server never answers here; a real request gives up after 15 seconds and shows the outage state.' } } },
};

export const EmptyMonth: Story = {
  name: 'Empty month',
  render: (args) => widget(args, { firstFreeDate: localDate(Date.now() + 65 * DAY) }),
  parameters: { docs: { description: { story: 'No free time this month: the widget names the month of the next free time and offers to go there.' } } },
};

export const Deadline: Story = {
  name: 'Deadline, times before it',
  render: (args) => widget({ ...args, deadline: args.deadline ?? localDate(Date.now() + 20 * DAY) }),
  parameters: { docs: { description: { story: 'The citizen must book by a deadline (from the job centre, or the `deadline` attribute). Days after it are marked with a dashed outline and their times are not offered by default.' } } },
};

export const NoTimeBeforeDeadline: Story = {
  name: 'Deadline, no time before it (receipt)',
  render: (args) => widget({ ...args, deadline: localDate(Date.now() + 3 * DAY) }, { firstFreeDate: localDate(Date.now() + 12 * DAY) }),
  play: async (context) => {
    const root = await loaded(context);
    click(root, '#no-time .ju-button');
    await until(() => root.querySelector('#receipt') !== null, 'the receipt');
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'No free time before the deadline: the widget says it is not the citizen\'s fault and issues a dated receipt from the server that the caseworker sees.' } } },
};

export const HoldExpiring: Story = {
  name: 'Time held, about to run out',
  render: (args) => widget(args, { holdMs: 66_000 }),
  play: async (context) => { await holdFirstTime(context); },
  parameters: { docs: { description: { story: 'A held time counts down visibly; a screen reader hears it when the hold starts and when one minute is left, not every second. When it runs out the citizen is told and picks again, with the answers kept.' } } },
};

export const MissingAnswer: Story = {
  name: 'Confirm with a missing answer',
  play: async (context) => {
    const root = await holdFirstTime(context);
    click(root, 'button[type="submit"]');
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'A required question left empty: the error sits with the field, is linked to it, and focus moves there.' } } },
};

export const Confirmation: Story = {
  play: async (context) => {
    const root = await holdFirstTime(context);
    click(root, 'input[type="radio"][name^="q-"]');
    click(root, 'button[type="submit"]');
    await until(() => root.querySelector('#done-heading') !== null, 'the confirmation');
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'Booked: the summary (when, where, what to bring, who) and a calendar file (.ics) to download.' } } },
};

export const MyMeetings: Story = {
  name: 'My meetings',
  args: { view: 'mine' },
  render: (args) => widget(args, {}, (server) => {
    server.seedBooking(2);
    const moved = server.seedBooking(6);
    Object.assign(moved, { changeReason: 'Din sagsbehandler er på kursus den dag.', sequence: 1, bookedBy: 'caseworker' });
    const cancelled = server.seedBooking(9);
    Object.assign(cancelled, { status: 'cancelled', cancelledBy: 'caseworker', cancelReason: 'Jobcentret holder lukket på grund af strømsvigt.', sequence: 1 });
  }),
  play: async (context) => {
    const root = await loaded(context);
    await until(() => root.querySelector('.meeting') !== null, 'the meetings');
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'Upcoming meetings with reschedule, cancel and calendar file. Changes made by the job centre show its reason.' } } },
};

export const CancelConfirmation: Story = {
  name: 'Cancel, asking first',
  args: { view: 'mine' },
  render: (args) => widget(args, {}, (server) => { server.seedBooking(2); }),
  play: async (context) => {
    const root = await loaded(context);
    await until(() => root.querySelector('.meeting') !== null, 'the meetings');
    click(root, '.meeting .actions button:nth-child(2)');
    await until(() => root.querySelector('.meeting form') !== null, 'the cancel form');
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'Cancelling is a POST behind a confirmation with an optional reason — never a link that cancels.' } } },
};

export const HelpToBook: Story = {
  name: 'Help to book',
  play: async (context) => {
    const root = await loaded(context);
    click(root, '.actions .ju-button--quiet');
    await until(() => root.querySelector('#help-heading') !== null, 'the help form');
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: '"I need help to book" sends a request to the caseworker (interpreter, accessibility, another place, a call) instead of a dead end.' } } },
};

export const Outage: Story = {
  render: (args) => widget(args, {}, (server) => { server.fail('GET /v1/booking/meeting-types', { status: 503, code: 'unavailable' }, true); }),
  play: async (context) => {
    const root = await loaded(context);
    await until(() => root.querySelector('a[href^="tel:"]') !== null, 'the phone number');
  },
  parameters: { docs: { description: { story: 'The server cannot give the times: the job centre\'s phone number (from `/v1/config`, cached on the device) and a retry — never an endless spinner.' } } },
};

export const SignedOut: Story = {
  name: 'Not signed in',
  render: (args) => widget(args, {}, undefined, undefined),
  play: allElementsRendered,
  parameters: { docs: { description: { story: 'Without a citizen token the widget asks the citizen to sign in and calls nothing.' } } },
};
