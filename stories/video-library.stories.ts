import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@jobunivers/video-library';
import type { FakeVideoServer, FakeVideoServerOptions } from '../packages/video-library/test/support/fake-video-server.js';
import { STORY_CASEWORKER_TOKEN, STORY_CITIZEN_TOKEN, citizenWithProgress, fakeVideoApi } from './support/video-library-fake-api.js';
import { storyRoot } from './support/settled.js';

const { showing } = storyRoot('ju-video-library');

interface VideoLibraryArgs {
  shareUrl?: string;
}

interface StoryContext {
  canvasElement: HTMLElement;
}

const SHARE_URL = 'https://kommune.dk/job/videoer?ju-video={id}&ju-video-t={t}';

/** The widget against its own fake server; `token` signs someone in. */
function widget(args: VideoLibraryArgs, options: FakeVideoServerOptions = {}, prepare?: (server: FakeVideoServer) => void, token?: string): TemplateResult {
  return html`<ju-video-library api=${fakeVideoApi(options, prepare)} .token=${token} share-url=${ifDefined(args.shareUrl)}></ju-video-library>`;
}

/** Searches like a citizen pressing Enter, and waits for the answer. */
async function search(context: StoryContext, words: string, expect: string): Promise<ShadowRoot> {
  const root = await showing(context, '.results[aria-busy="false"]');
  const field = root.querySelector<HTMLInputElement>('#q');
  if (field === null) throw new Error('no search field');
  field.value = words;
  field.dispatchEvent(new InputEvent('input'));
  root.querySelector<HTMLButtonElement>('form.search button[type="submit"]')?.click();
  return showing(context, expect);
}

const meta: Meta<VideoLibraryArgs> = {
  title: 'Video/Video library',
  component: 'ju-video-library',
  tags: ['autodocs'],
  args: {},
  argTypes: { shareUrl: { control: 'text' } },
  render: (args) => widget(args),
  play: async (context) => { await showing(context, '.results article'); },
  parameters: {
    docs: {
      description: {
        component:
          'The job centre’s guidance videos and webinars: a catalogue, search down to the sentence that is said (“Afspil fra 02:13”), ' +
          'filters, learning paths and “Fortsæt hvor du slap”. Opening a video shows `<ju-video-player>` in place; the player loads only then. ' +
          'These stories talk to an in-memory fake of the video API (`packages/video-library/test/support/fake-video-server.ts`).',
      },
    },
  },
};

export default meta;
type Story = StoryObj<VideoLibraryArgs>;

export const Catalogue: Story = {
  name: 'Results (catalogue)',
  parameters: { docs: { description: { story: 'Anyone can watch: cards with duration (“3:00”, read as “3 min.”), topic, target groups, the spoken language and badges in words for captions, audio description and sign language; the learning path lists its videos in order.' } } },
};

export const SearchResults: Story = {
  name: 'Search results',
  play: async (context) => { await search(context, 'udfylder jobloggen', '.match mark'); },
  parameters: { docs: { description: { story: '“udfylder jobloggen”: each result says why it matched — the sentence with the words marked — and “Afspil fra 02:13” opens the video at that moment. The count is read out (“2 videoer fundet”).' } } },
};

export const NoResults: Story = {
  name: 'No results',
  play: async (context) => { await search(context, 'xylofon', '.no-results'); },
  parameters: { docs: { description: { story: 'Nothing found: the words are repeated and the citizen gets plain suggestions (check the spelling, fewer words, clear the filters).' } } },
};

export const Empty: Story = {
  render: (args) => widget(args, { videos: [], playlists: [] }),
  play: async (context) => { await showing(context, '.empty'); },
  parameters: { docs: { description: { story: 'A municipality that has not added videos yet.' } } },
};

export const Loading: Story = {
  render: (args) => widget(args, {}, (server) => { server.fail('GET /v1/videos', 'never', true); }),
  play: async (context) => { await showing(context, '.skeleton'); },
  parameters: { docs: { description: { story: 'While the first page loads: placeholder cards (still under reduced motion), the list marked busy and “Henter videoer …” for screen readers.' } } },
};

export const Offline: Story = {
  play: async (context) => {
    await showing(context, '.results article');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await search(context, 'cv', '.problem');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  },
  parameters: { docs: { description: { story: 'The connection dropped: what was shown stays, the message says what happens, and the widget tries again by itself when the device is back online (or with “Prøv igen”).' } } },
};

export const ServerError: Story = {
  name: 'Server error',
  render: (args) => widget(args, {}, (server) => { server.fail('GET /v1/videos', { status: 422, code: 'invalid-request', detail: 'Søgningen kunne ikke forstås.' }, true); }),
  play: async (context) => { await showing(context, '.problem'); },
  parameters: { docs: { description: { story: 'The server answered with a problem: a plain sentence, the server’s own detail, and “Prøv igen”.' } } },
};

export const LearningPath: Story = {
  name: 'Learning path',
  render: (args) => widget(args, {}, citizenWithProgress, STORY_CITIZEN_TOKEN),
  play: async (context) => { await showing(context, '.playlist li.next'); },
  parameters: { docs: { description: { story: 'A learning path for a signed-in citizen: “1 af 5 set” with a bar, the videos in order, the ones seen marked “Set” and the next one highlighted.' } } },
};

export const SignedIn: Story = {
  name: 'Signed in with progress',
  render: (args) => widget(args, {}, citizenWithProgress, STORY_CITIZEN_TOKEN),
  play: async (context) => { await showing(context, '.continue article'); },
  parameters: { docs: { description: { story: '“Fortsæt hvor du slap” from the citizen’s progress on the server, “Fortsæt (1:23)” with a bar on started videos and “Set” on completed ones.' } } },
};

export const Caseworker: Story = {
  name: 'Caseworker with share links',
  args: { shareUrl: SHARE_URL },
  render: (args) => widget(args, {}, undefined, STORY_CASEWORKER_TOKEN),
  play: async (context) => { await search(context, 'udfylder jobloggen', '.match mark'); },
  parameters: { docs: { description: { story: 'On the caseworker’s page (`share-url` set): every moment a search finds has “Kopiér link”, which copies the citizen-side link to that moment — here `https://kommune.dk/job/videoer?ju-video=brug-jobloggen&ju-video-t=133`.' } } },
};

export const OpenedFromLearningPath: Story = {
  name: 'Opened from a learning path',
  render: (args) => widget(args, {}, citizenWithProgress, STORY_CITIZEN_TOKEN),
  play: async (context) => {
    const root = await showing(context, '.playlist li.next button');
    root.querySelector<HTMLButtonElement>('.playlist li.next button')?.click();
    await showing(context, '.detail .next-up');
    await showing(context, 'ju-video-player');
  },
  parameters: { docs: { description: { story: 'A video opened in place (focus moves to its title): the player (loaded only now), the description, “Næste i forløbet” and “Tilbage til videoerne”, which returns focus to the step that opened it.' } } },
};
