import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@jobunivers/live-chat';
import type { FakeChatServer, FakeChatServerOptions } from '../packages/live-chat/test/support/fake-chat-server.js';
import { STORY_CITIZEN_TOKEN, conversationWithMette, fakeChatApi, fakeChatServer } from './support/live-chat-fake-api.js';
import { allElementsRendered, storyRoot, until } from './support/settled.js';

const { showing } = storyRoot('ju-live-chat');

interface LiveChatArgs {
  mode: 'dialog' | 'inline';
  topic?: string;
}

interface StoryContext {
  canvasElement: HTMLElement;
}

/** The widget against its own fake server; `token` makes the citizen signed in (and resumes their conversation). */
function widget(args: LiveChatArgs, options: FakeChatServerOptions = {}, prepare?: (server: FakeChatServer) => void, token?: string): TemplateResult {
  return html`<ju-live-chat api=${fakeChatApi(options, prepare)} .token=${token} mode=${args.mode} topic=${ifDefined(args.topic)}></ju-live-chat>`;
}

function click(root: ShadowRoot, selector: string): void {
  const target = root.querySelector<HTMLElement>(selector);
  if (target === null) throw new Error(`nothing matches ${selector}`);
  target.click();
}

function apiOf(context: StoryContext): string {
  return context.canvasElement.querySelector('ju-live-chat')?.getAttribute('api') ?? '';
}

const meta: Meta<LiveChatArgs> = {
  title: 'Live chat/Live chat',
  component: 'ju-live-chat',
  tags: ['autodocs'],
  args: { mode: 'inline' },
  argTypes: {
    mode: { control: 'select', options: ['dialog', 'inline'] },
    topic: { control: 'select', options: [undefined, 'topic-job', 'topic-benefits', 'topic-meeting'] },
  },
  render: (args) => widget(args),
  play: async (context) => { await showing(context, '.view-heading'); },
  parameters: {
    docs: {
      description: {
        component:
          'The citizen’s live chat. On a web page it is a small launcher button that opens the chat in a dialog (`mode="dialog"`, ' +
          'the default); these stories show the panel in place (`mode="inline"`) so every state can be seen side by side. They talk ' +
          'to an in-memory fake of the chat API (`packages/live-chat/test/support/fake-chat-server.ts`).',
      },
    },
  },
};

export default meta;
type Story = StoryObj<LiveChatArgs>;

export const Launcher: Story = {
  args: { mode: 'dialog' },
  render: (args) => widget(args, {}, (server) => { conversationWithMette(server); }, STORY_CITIZEN_TOKEN),
  play: async (context) => {
    const root = await showing(context, 'button[part~="launcher"]');
    await until(() => root.querySelector('[part~="badge"]') !== null, 'the unread badge');
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'The launcher as the page shows it, here with two unread messages from the caseworker. Its name says the number too ("Skriv med os, 2 nye beskeder"). Pressing it opens the chat in a modal dialog: focus moves in, Esc closes and focus returns here.' } } },
};

export const PreChat: Story = {
  name: 'Pre-chat',
  args: { topic: 'topic-job' },
  parameters: { docs: { description: { story: 'Before chatting: the opening hours in words, the topic, an optional first name and the consent line with a link to the job centre’s page. With a citizen token (signed in) name and consent are not asked.' } } },
};

export const PreChatErrors: Story = {
  name: 'Pre-chat, something missing',
  play: async (context) => {
    const root = await showing(context, '.start-form');
    click(root, '.start-form button[type="submit"]');
    await showing(context, '.error-summary');
  },
  parameters: { docs: { description: { story: 'Start without choosing: the errors are listed at the top (focus moves there), each a link to its field, and each field says what is wrong.' } } },
};

export const Closed: Story = {
  name: 'Closed: leave a message',
  render: (args) => widget(args, { availability: 'closed' }, (server) => { server.status.nextOpening = new Date(Date.now() + 16 * 3600e3).toISOString(); }),
  play: async (context) => { await showing(context, '#field-message'); },
  parameters: { docs: { description: { story: 'Outside opening hours (or when everyone is busy) the citizen can leave a message. It says when the chat opens again.' } } },
};

export const Receipt: Story = {
  name: 'Closed: receipt',
  render: (args) => widget(args, { availability: 'busy' }),
  play: async (context) => {
    const root = await showing(context, '#field-message');
    click(root, 'input[name="topic"]');
    click(root, '#field-consent');
    const field = root.querySelector<HTMLTextAreaElement>('#field-message');
    if (field) {
      field.value = 'Jeg vil gerne tale om mit CV.';
      field.dispatchEvent(new Event('input'));
    }
    click(root, '.start-form button[type="submit"]');
    await showing(context, '.receipt');
  },
  parameters: { docs: { description: { story: 'The message is stored: a receipt with its number and time.' } } },
};

export const Queued: Story = {
  render: (args) => widget(args, {}, (server) => { server.seedConversation({ citizenToken: STORY_CITIZEN_TOKEN, queuePosition: 3 }); }, STORY_CITIZEN_TOKEN),
  play: async (context) => { await showing(context, '.queue'); },
  parameters: { docs: { description: { story: 'Waiting for a caseworker: the place in the queue updates live and is read out when it changes. The citizen can write already, leave a message instead, or ask to book a meeting (`ju-chat-request-booking`).' } } },
};

export const Chatting: Story = {
  render: (args) => widget(args, {}, (server) => { conversationWithMette(server); }, STORY_CITIZEN_TOKEN),
  play: async (context) => {
    const root = await showing(context, '.who');
    const list = root.querySelector('ju-chat-message-list');
    await until(() => (list?.shadowRoot?.querySelectorAll('li').length ?? 0) >= 4, 'the messages');
    const id = [...(fakeChatServer(apiOf(context))?.conversations.keys() ?? [])].at(0);
    if (id !== undefined) fakeChatServer(apiOf(context))?.caseworkerTyping(id);
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'A conversation: the caseworker by first name and team, messages with times and states (sent, read), a link made safe (it opens in a new window and says so), an attachment as a download button (never loaded by itself), and "Mette skriver …".' } } },
};

export const Offline: Story = {
  render: (args) => widget(args, {}, (server) => {
    const id = conversationWithMette(server);
    server.fail(`POST /v1/chat/conversations/${id}/messages`, 'network', true);
  }, STORY_CITIZEN_TOKEN),
  play: async (context) => {
    const root = await showing(context, '.who');
    // The device says it is offline for as long as this story takes to render.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      const field = root.querySelector<HTMLTextAreaElement>('#composer-text');
      if (field) {
        field.value = 'Jeg skriver fra toget.';
        field.dispatchEvent(new Event('input'));
        field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
      }
      await showing(context, '.link.offline');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  },
  parameters: { docs: { description: { story: 'The device went offline: the chat says so in plain words, and what the citizen writes waits on the device ("Venter på forbindelse") and is sent in order when the connection is back — also after a reload.' } } },
};

export const Reconnecting: Story = {
  render: (args) => widget(args, {}, (server) => { conversationWithMette(server); }, STORY_CITIZEN_TOKEN),
  play: async (context) => {
    await showing(context, '.who');
    const server = fakeChatServer(apiOf(context));
    const id = [...(server?.conversations.keys() ?? [])].at(0);
    if (server && id !== undefined) {
      await until(() => server.openStreams(id) > 0, 'the stream');
      server.fail(`GET /v1/chat/conversations/${id}/events`, 'never', true);
      server.dropStreams(id);
    }
    await showing(context, '.link');
  },
  parameters: { docs: { description: { story: 'The connection dropped: the chat reconnects by itself (with growing, jittered pauses, and at once when the device is back online or the page is shown again) and picks up exactly where it left off.' } } },
};

/** Starts in the conversation with Mette, then she ends it. */
async function endedByMette(context: StoryContext): Promise<ShadowRoot> {
  await showing(context, '.who');
  const server = fakeChatServer(apiOf(context));
  const id = [...(server?.conversations.keys() ?? [])].at(0);
  if (server && id !== undefined) server.close(id);
  return showing(context, '.rating');
}

export const Ended: Story = {
  render: (args) => widget(args, {}, (server) => { conversationWithMette(server); }, STORY_CITIZEN_TOKEN),
  play: async (context) => { await endedByMette(context); },
  parameters: { docs: { description: { story: 'After the conversation (here the caseworker ended it): download it, rate it 1–5 with an optional comment, or start a new one.' } } },
};

export const Rating: Story = {
  render: (args) => widget(args, {}, (server) => { conversationWithMette(server); }, STORY_CITIZEN_TOKEN),
  play: async (context) => {
    const root = await endedByMette(context);
    click(root, '#score-4');
    click(root, '.rating button[type="submit"]');
    await showing(context, '#rating-thanks');
  },
  parameters: { docs: { description: { story: 'The rating is sent: thank you.' } } },
};
