import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Video } from '@jobunivers/contract';
import type { JuVideoPlayer } from '../../src/index.js';
import '../../src/index.js';

export const FIXTURES = new URL('../fixtures/', import.meta.url).href;
export const CLIP = `${FIXTURES}clip.webm`;
export const API = 'https://api.video.test/';

/** The first element in the player's shadow root matching `selector` (fails the test when missing). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type it expects
export function $<T extends Element = HTMLElement>(el: JuVideoPlayer, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: JuVideoPlayer, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

export function videoOf(el: JuVideoPlayer): HTMLVideoElement {
  return $<HTMLVideoElement>(el, 'video');
}

/** Waits until `selector` shows in the player. */
export async function until(el: JuVideoPlayer, selector: string, message = selector): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector) != null, `timed out waiting for ${message}`, { timeout: 5000 });
  await el.updateComplete;
}

// The test server does not answer range requests, and Chromium seeks only in media it can fetch by range or holds
// whole in its cache: load every clip into the HTTP cache once, as a real (range-serving) server would make unnecessary.
const warmed = Promise.all(['clip.webm', 'clip-small.webm', 'clip-audio.webm'].map(async (file) => {
  await (await fetch(`${FIXTURES}${file}`)).arrayBuffer();
}));

/** Renders a player and waits until its media is ready to play (muted, so autoplay rules allow play()). */
export async function renderReady(template: TemplateResult): Promise<JuVideoPlayer> {
  await warmed;
  const el = await fixture<JuVideoPlayer>(template);
  await until(el, 'video');
  const video = videoOf(el);
  video.muted = true;
  // The test server answers without range requests, so Chromium can only seek in what it has buffered: load it all.
  video.preload = 'auto';
  await waitUntil(() => video.readyState >= 4, 'media data', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Moves playback to `seconds` as a time update would report it (without playing in real time). */
export async function playAt(el: JuVideoPlayer, seconds: number): Promise<void> {
  const video = videoOf(el);
  video.currentTime = seconds;
  await new Promise((resolve) => { video.addEventListener('seeked', resolve, { once: true }); });
  video.dispatchEvent(new Event('timeupdate'));
  await el.updateComplete;
}

export function buttonNamed(el: JuVideoPlayer, name: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.replace(/\s+/g, ' ').trim() === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

export function aVideo(overrides: Partial<Video> = {}): Video {
  return {
    id: 'brug-jobloggen', kind: 'guide', title: 'Sådan bruger du jobloggen', description: 'Kort guide.',
    topic: { id: 'joblog', label: 'Joblog' }, targetGroups: [], language: 'da', duration: 6, length: 'short',
    posterUrl: null, captions: ['da', 'en'], audioDescription: true, signLanguage: false, publishedAt: '2026-11-01', progress: null,
    renditions: [
      { kind: 'standard', url: CLIP, type: 'video/webm', bytes: 29417 },
      { kind: 'small', url: `${FIXTURES}clip-small.webm`, type: 'video/webm', bytes: 15455 },
      { kind: 'audio', url: `${FIXTURES}clip-audio.webm`, type: 'audio/webm', bytes: 6383 },
    ],
    tracks: [
      { kind: 'captions', language: 'da', label: 'Dansk', url: `${FIXTURES}captions.da.vtt` },
      { kind: 'captions', language: 'en', label: 'English', url: `${FIXTURES}captions.en.vtt` },
      { kind: 'chapters', language: 'da', label: 'Dansk', url: `${FIXTURES}chapters.da.vtt` },
      { kind: 'descriptions', language: 'da', label: 'Dansk', url: `${FIXTURES}descriptions.da.vtt` },
    ],
    transcripts: [],
    ...overrides,
  };
}

export interface FakeApi {
  requests: { method: string; url: string; body: unknown; keepalive: boolean; authorization: string | null }[];
  restore: () => void;
}

/** Answers `GET /v1/videos/{id}` with `video` and records every request to the fake API. */
export function fakeApi(video: Video | (() => Response)): FakeApi {
  const original = window.fetch.bind(window);
  const requests: FakeApi['requests'] = [];
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(API)) return original(input, init);
    const headers = new Headers(init?.headers);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) as unknown : undefined;
    requests.push({ method, url, body, keepalive: init?.keepalive === true, authorization: headers.get('Authorization') });
    if (typeof video === 'function') return video();
    if (method === 'PUT') return Response.json({ videoId: video.id, position: 0, watched: [], watchedSeconds: 0, completed: false, completedAt: null, updatedAt: new Date().toISOString() });
    return Response.json(video);
  };
  return { requests, restore: () => { window.fetch = original; } };
}
