import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@jobunivers/self-booking/desk';
import type { JuBookingDesk } from '@jobunivers/self-booking/desk';
import { DESK_FAKE_API, DeskFakeApi, problem, serveDeskFake } from './support/desk-fake-api.js';
import { allElementsRendered } from './support/settled.js';

type DeskView = JuBookingDesk['view'];

interface DeskArgs {
  view: DeskView;
}

/** A fresh fake desk server for one story render, at its own address. */
function fakeServer(name: string, setup: (fake: DeskFakeApi) => void = () => undefined, options: { empty?: boolean } = {}): string {
  const fake = new DeskFakeApi(`${DESK_FAKE_API}${name}/`, options);
  setup(fake);
  return serveDeskFake(fake).base;
}

function desk(api: string, view: DeskView, token: string | undefined = 'demo-caseworker-token'): TemplateResult {
  return html`<ju-booking-desk api=${api} view=${view} .token=${token}></ju-booking-desk>`;
}

/** Waits for the render, then until the desk has left its loading state (data, an empty state or an error). */
async function deskSettled(context: { canvasElement: HTMLElement }): Promise<void> {
  await allElementsRendered(context);
  const deadline = Date.now() + 8000;
  const element = context.canvasElement.querySelector('ju-booking-desk');
  const loaded = (): boolean => {
    const root = element?.shadowRoot;
    if (!root) return false;
    if (root.querySelector('.desk-loading')) return false;
    return root.querySelector('.desk-days, [part=availability], [part=help-requests], [part=error], [part=signed-out], [part=config-error]') !== null;
  };
  while (!loaded() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await allElementsRendered(context);
}

const meta: Meta<DeskArgs> = {
  title: 'Self-booking/Booking desk',
  component: 'ju-booking-desk',
  tags: ['autodocs'],
  args: { view: 'week' },
  argTypes: { view: { control: 'inline-radio', options: ['week', 'availability', 'requests'] } },
  render: (args) => desk(fakeServer('default'), args.view),
  play: deskSettled,
  parameters: {
    docs: {
      description: {
        component:
          'The caseworker’s side of self-booking, used on the job centre’s staff page inside `<ju-provider>` with a ' +
          'caseworker token. These stories talk to an in-memory fake of the desk API (`stories/support/desk-fake-api.ts`).',
      },
    },
  },
};

export default meta;
type Story = StoryObj<DeskArgs>;

export const Week: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'This week’s meetings per day: time, kind of meeting, the citizen’s first name, who booked and cancellations. ' +
          'Today is closed (illness), so its meeting is flagged as needing a new time. “Flyt” and “Aflys” open a form.',
      },
    },
  },
};

export const Availability: Story = {
  name: 'Weekly times and closed days',
  args: { view: 'availability' },
  render: (args) => desk(fakeServer('availability'), args.view),
};

export const Requests: Story = {
  name: 'Help requests and receipts',
  args: { view: 'requests' },
  render: (args) => desk(fakeServer('requests'), args.view),
};

export const EmptyWeek: Story = {
  name: 'Empty week',
  render: (args) => desk(fakeServer('empty', () => undefined, { empty: true }), args.view),
};

export const Outage: Story = {
  name: 'Server outage',
  render: (args) =>
    desk(
      fakeServer('outage', (fake) => {
        // Retry-After: 0 lets the client give up at once instead of backing off for seconds.
        fake.overrides.push((request) => (request.path === 'v1/events' ? undefined : withRetryAfter(problem(503, 'unavailable'))));
      }),
      args.view,
    ),
  parameters: {
    docs: { description: { story: 'The server does not answer: the desk says so in plain words and offers to try again, never an endless spinner.' } },
  },
};

export const SignedOut: Story = {
  name: 'Signed out',
  render: (args) => desk(fakeServer('signed-out'), args.view, undefined),
};

function withRetryAfter(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Retry-After', '0');
  return new Response(response.body, { status: response.status, headers });
}
