import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@jobunivers/live-chat/console';
import { CASEWORKER_TOKEN, busyDay, fakeConsoleApi } from './support/chat-console-fake-api.js';
import { allElementsRendered, storyRoot, until } from './support/settled.js';

const { shadowOf } = storyRoot('ju-chat-console');

interface StoryContext {
  canvasElement: HTMLElement;
}

function chatConsole(api: string): TemplateResult {
  return html`<ju-chat-console api=${api} .token=${CASEWORKER_TOKEN}></ju-chat-console>`;
}

/** Waits until the lists have loaded. */
async function loaded(context: StoryContext): Promise<void> {
  await allElementsRendered(context);
  await until(() => shadowOf(context.canvasElement).querySelector('[role=tablist], [part=error]') !== null, 'the console to load');
  await allElementsRendered(context);
}

/** Opens the caseworker's conversation with Mette (with a note) and waits for its messages. */
async function openFirstConversation(context: StoryContext): Promise<ShadowRoot> {
  await loaded(context);
  const root = shadowOf(context.canvasElement);
  root.querySelector<HTMLElement>('#tab-mine')?.click();
  const mette = (): HTMLElement | undefined => [...root.querySelectorAll<HTMLElement>('[part=mine-item] button')].find((button) => button.textContent.includes('Mette'));
  await until(() => mette() !== undefined, 'my conversations');
  mette()?.click();
  // The conversation's log is the shared <ju-chat-message-list>, with a shadow root of its own.
  await until(() => root.querySelector('ju-chat-message-list')?.shadowRoot?.querySelector('[part=note]') != null && root.querySelector('#canned') !== null, 'the conversation to open');
  await allElementsRendered(context);
  return root;
}

const meta: Meta = {
  title: 'Live chat/Chat console',
  component: 'ju-chat-console',
  tags: ['autodocs'],
  render: () => chatConsole(fakeConsoleApi(busyDay)),
  play: loaded,
  parameters: {
    docs: {
      description: {
        component:
          'The caseworker’s side of live chat, used on the job centre’s staff page inside `<ju-provider>` with a caseworker ' +
          'token. These stories talk to an in-memory fake of the chat API (`packages/live-chat/test/support/fake-console.ts`).',
      },
    },
  },
};

export default meta;
type Story = StoryObj;

export const EmptyQueue: Story = {
  name: 'Empty queue',
  render: () => chatConsole(fakeConsoleApi()),
  parameters: { docs: { description: { story: 'Nobody is waiting and the caseworker has no conversations yet.' } } },
};

export const Queue: Story = {
  name: 'Queue with citizens',
  parameters: {
    docs: {
      description: {
        story: 'Three citizens wait: first name (or “Anonym”), topic, language and how long they have waited. “Tag samtalen” claims one.',
      },
    },
  },
};

export const ActiveConversation: Story = {
  name: 'Active conversation',
  play: async (context) => {
    await openFirstConversation(context);
  },
  parameters: {
    docs: {
      description: {
        story: 'One conversation open: the citizen’s and the caseworker’s messages, an internal note (never shown to the citizen), the reply with canned replies, and transfer and close.',
      },
    },
  },
};

export const TransferDialog: Story = {
  name: 'Transfer dialog',
  play: async (context) => {
    const root = await openFirstConversation(context);
    root.querySelector<HTMLElement>('#transfer-open')?.click();
    await until(() => root.querySelector<HTMLDialogElement>('#transfer-dialog')?.open === true, 'the transfer dialog');
    root.querySelector<HTMLElement>('#transfer-dialog button[type=submit]')?.click();
    await until(() => root.querySelector('#transfer-note-error') !== null, 'the missing note to be shown');
    await allElementsRendered(context);
  },
  parameters: {
    docs: { description: { story: 'Transfer to a colleague (with presence and load) or a team; the note for the receiver is required.' } },
  },
};

export const Away: Story = {
  name: 'Away',
  render: () => chatConsole(fakeConsoleApi((server) => {
    busyDay(server);
    server.presence = 'away';
  })),
  parameters: { docs: { description: { story: 'The caseworker is away: the queue is shown, but no new conversations can be taken.' } } },
};
