// The player's keyboard map: which key does what. Pure and tested; the help dialog's rows (player-panels.ts,
// loaded on first use) list the same keys.

export type PlayerAction =
  | 'play' | 'back' | 'forward' | 'volume-up' | 'volume-down' | 'mute' | 'captions' | 'descriptions'
  | 'transcript' | 'fullscreen' | 'slower' | 'faster' | 'start' | 'end' | 'jump' | 'help';

export interface KeyCommand {
  action: PlayerAction;
  /** For `jump`: the share of the video to jump to (0–0.9). */
  fraction?: number;
}

const KEYS: Partial<Record<string, PlayerAction>> = {
  ' ': 'play', k: 'play', ArrowLeft: 'back', j: 'back', ArrowRight: 'forward', l: 'forward',
  ArrowUp: 'volume-up', ArrowDown: 'volume-down', m: 'mute', c: 'captions', d: 'descriptions', t: 'transcript',
  f: 'fullscreen', '<': 'slower', ',': 'slower', '>': 'faster', '.': 'faster', Home: 'start', End: 'end', '?': 'help',
};

/** The command for a key press, or undefined when the key is not ours (modifiers belong to the browser). */
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): KeyCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (/^[0-9]$/.test(event.key)) return { action: 'jump', fraction: Number(event.key) / 10 };
  const action = KEYS[event.key] ?? KEYS[event.key.toLowerCase()];
  return action === undefined ? undefined : { action };
}

/** The speeds the player offers, slowest first. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next speed up (`step` 1) or down (`step` -1) from `rate`. */
export function nextSpeed(rate: number, step: 1 | -1): number {
  const index = SPEEDS.findIndex((speed) => speed >= rate - 0.001);
  const current = index < 0 ? SPEEDS.length - 1 : index;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, current + step))] ?? 1;
}
