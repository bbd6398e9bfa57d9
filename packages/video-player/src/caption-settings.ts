// How captions look, chosen by the citizen and kept on this device: presets, each a class (no inline styles).
import { deviceStore } from './device-store.js';

export const CAPTION_SIZES = ['small', 'medium', 'large', 'x-large'] as const;
export const CAPTION_COLOURS = ['white', 'yellow', 'cyan', 'black'] as const;
export const CAPTION_BACKGROUNDS = ['black', 'translucent', 'white', 'none'] as const;

export interface CaptionSettings {
  size: (typeof CAPTION_SIZES)[number];
  colour: (typeof CAPTION_COLOURS)[number];
  background: (typeof CAPTION_BACKGROUNDS)[number];
  /** Whether captions are shown. */
  on: boolean;
}

export const DEFAULT_CAPTION_SETTINGS: CaptionSettings = { size: 'medium', colour: 'white', background: 'black', on: true };

const KEY = 'settings:captions';

type CaptionColour = CaptionSettings['colour'];
type CaptionBackground = CaptionSettings['background'];

/**
 * The text colours readable on each background: white, yellow and cyan on black, on 70 % black and with no
 * background (they get a black outline); black only on white. Yellow or cyan on white, and black on black, would
 * leave captions nobody can read (contrast about 1:1).
 */
const READABLE: Record<CaptionBackground, readonly CaptionColour[]> = {
  black: ['white', 'yellow', 'cyan'],
  translucent: ['white', 'yellow', 'cyan'],
  none: ['white', 'yellow', 'cyan'],
  white: ['black'],
};

/**
 * `settings` with `change` applied, kept readable: when the chosen colour does not go with the background, the
 * other one of the two follows (choosing black text gives a white background, and so on).
 */
export function readableCaptions(settings: CaptionSettings, change: Partial<CaptionSettings>): CaptionSettings {
  const next = { ...settings, ...change };
  if (READABLE[next.background].includes(next.colour)) return next;
  if (change.background !== undefined && change.colour === undefined) return { ...next, colour: READABLE[next.background][0] ?? 'white' };
  const background = CAPTION_BACKGROUNDS.find((candidate) => READABLE[candidate].includes(next.colour)) ?? 'black';
  return { ...next, background };
}

/** The citizen's caption settings on this device (the defaults when none are kept). */
export async function loadCaptionSettings(): Promise<CaptionSettings> {
  const stored = (await (await deviceStore()).get(KEY)) as Partial<CaptionSettings> | undefined;
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => allowed.find((item) => item === value) ?? fallback;
  return readableCaptions(DEFAULT_CAPTION_SETTINGS, {
    size: pick(stored?.size, CAPTION_SIZES, DEFAULT_CAPTION_SETTINGS.size),
    colour: pick(stored?.colour, CAPTION_COLOURS, DEFAULT_CAPTION_SETTINGS.colour),
    background: pick(stored?.background, CAPTION_BACKGROUNDS, DEFAULT_CAPTION_SETTINGS.background),
    on: typeof stored?.on === 'boolean' ? stored.on : DEFAULT_CAPTION_SETTINGS.on,
  });
}

export async function saveCaptionSettings(settings: CaptionSettings): Promise<void> {
  await (await deviceStore()).put(KEY, settings);
}
