import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@jobunivers/video-player';
import type { JuVideoPlayer } from '@jobunivers/video-player';
import { STORY_MEDIA, fakeVideoApi, storyVideo, type FakeVideoAnswer } from './support/video-player-fake-api.js';
import { allElementsRendered, storyRoot, until } from './support/settled.js';

const { showing } = storyRoot('ju-video-player');

interface VideoPlayerArgs {
  start?: number;
  completionThreshold?: number;
}

interface StoryContext {
  canvasElement: HTMLElement;
}

function player(args: VideoPlayerArgs, answer: FakeVideoAnswer = 'ok', video = storyVideo()): TemplateResult {
  return html`<ju-video-player api=${fakeVideoApi(video, answer)} video-id=${video.id} start=${ifDefined(args.start)}
    completion-threshold=${ifDefined(args.completionThreshold)}></ju-video-player>`;
}

function elementOf(context: StoryContext): JuVideoPlayer {
  const element = context.canvasElement.querySelector('ju-video-player');
  if (element?.shadowRoot == null) throw new Error('ju-video-player did not render');
  return element;
}

/** Presses the control bar's button that toggles `controls` (a panel id). */
async function open(context: StoryContext, panel: 'transcript' | 'chapters' | 'settings', ready: string): Promise<ShadowRoot> {
  const root = await showing(context, `button[aria-controls="${panel}"]`);
  root.querySelector<HTMLButtonElement>(`button[aria-controls="${panel}"]`)?.click();
  return showing(context, ready);
}

/** Moves to 2 s (paused), where a caption shows. */
async function atTwoSeconds(context: StoryContext): Promise<void> {
  const root = await showing(context, 'video');
  const video = root.querySelector('video');
  if (video) video.muted = true;
  elementOf(context).seek(2);
  await until(() => (root.querySelector('[part~="captions"]')?.textContent ?? '').trim() !== '', 'a caption');
  await allElementsRendered(context);
}

const meta: Meta<VideoPlayerArgs> = {
  title: 'Video/Video player',
  component: 'ju-video-player',
  tags: ['autodocs'],
  args: {},
  argTypes: {
    start: { control: 'number' },
    completionThreshold: { control: { type: 'range', min: 0.1, max: 1, step: 0.05 } },
  },
  render: (args) => player(args),
  play: async (context) => { await showing(context, '[part~="controls"]'); },
  parameters: {
    docs: {
      description: {
        component:
          'The video player, here against an in-memory fake of `GET /v1/videos/{id}` with a 6-second test clip and its Danish and ' +
          'English captions, chapters and audio description (`packages/video-player/test/fixtures`). Our own controls on a native ' +
          '`<video>`; captions, the transcript and the keyboard help speak the page language.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<VideoPlayerArgs>;

export const Ready: Story = {
  parameters: { docs: { description: { story: 'Ready to play: the top row plays, skips 10 s, shows the time and sets the volume; the second row has captions, audio description, transcript, chapters, settings, picture-in-picture, full screen and the keyboard help — all one press away (EN 301 549 clause 7).' } } },
};

export const PlayingWithCaptions: Story = {
  name: 'Playing with captions',
  play: async (context) => { await atTwoSeconds(context); },
  parameters: { docs: { description: { story: 'Captions are drawn by the player (not the browser), in the page language when there is a track in it, in the size, colour and background the citizen chose. The timeline shows chapter marks and the parts already watched.' } } },
};

export const TranscriptOpen: Story = {
  name: 'Transcript open',
  play: async (context) => {
    await atTwoSeconds(context);
    const root = await open(context, 'transcript', '.transcript-list li');
    const field = root.querySelector<HTMLInputElement>('#transcript-search');
    if (field) {
      field.value = 'jobloggen';
      field.dispatchEvent(new Event('input'));
    }
    await allElementsRendered(context);
  },
  parameters: { docs: { description: { story: 'The interactive transcript follows the chosen caption language: the line being said is marked, a line can be chosen to play from there, and the search marks and counts the places in the video.' } } },
};

export const Chapters: Story = {
  play: async (context) => { await open(context, 'chapters', '.chapters li'); },
  parameters: { docs: { description: { story: 'Chapters as a list (choose one to jump there) and as marks on the timeline.' } } },
};

export const SettingsOpen: Story = {
  name: 'Settings open',
  play: async (context) => { await open(context, 'settings', '#caption-size'); },
  parameters: { docs: { description: { story: 'Speed (0.5–2×), quality (normal, small, sound only — small by default when the browser asks to save data), how captions look (kept on the device), and downloads of the video and its text.' } } },
};

export const HelpDialog: Story = {
  name: 'Keyboard help',
  play: async (context) => {
    const root = await showing(context, 'button[aria-haspopup="dialog"]');
    root.querySelector<HTMLButtonElement>('button[aria-haspopup="dialog"]')?.click();
    await showing(context, 'dialog[open]');
  },
  parameters: { docs: { description: { story: 'The keyboard map, opened with its button or the "?" key. Keys work when focus is in the player and not in a text field.' } } },
};

export const AudioOnly: Story = {
  name: 'Sound only',
  render: (args) => player(args, 'ok', storyVideo({ renditions: storyVideo().renditions.filter((rendition) => rendition.kind === 'audio') })),
  play: async (context) => { await showing(context, '.audio-only'); },
  parameters: { docs: { description: { story: 'Sound only, for poor connections: the captions and the transcript still work.' } } },
};

export const OwnFile: Story = {
  name: 'A web team’s own file',
  render: () => html`
    <ju-video-player src=${STORY_MEDIA.clip} label="Sådan bruger du jobloggen">
      <track kind="captions" srclang="da" label="Dansk" src=${STORY_MEDIA.captionsDa}>
      <track kind="captions" srclang="en" label="English" src=${STORY_MEDIA.captionsEn}>
      <track kind="chapters" srclang="da" label="Dansk" src=${STORY_MEDIA.chaptersDa}>
    </ju-video-player>`,
  parameters: { docs: { description: { story: 'No server: `src` and `<track>` children. Resume is kept on the device only.' } } },
};

export const Loading: Story = {
  render: (args) => player(args, 'slow'),
  play: async (context) => { await showing(context, '.state[role="status"]'); },
};

export const Failed: Story = {
  name: 'Error',
  render: (args) => player(args, 'failing'),
  play: async (context) => { await showing(context, '[role="alert"] button'); },
  parameters: { docs: { description: { story: 'The video could not be fetched: a plain message and "Prøv igen".' } } },
};

export const YouTubeNotice: Story = {
  name: 'YouTube notice',
  render: () => html`<ju-video-player youtube-id="dQw4w9WgXcQ" label="Webinar: Sådan søger du job"></ju-video-player>`,
  play: async (context) => { await showing(context, '[part~="notice"]'); },
  parameters: { docs: { description: { story: 'Nothing is loaded from YouTube until the citizen presses the button; then only from youtube-nocookie.com.' } } },
};
