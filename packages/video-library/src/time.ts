import type { Translate } from './view.js';

const two = (value: number): string => String(value).padStart(2, '0');

/** "2:13" (or "02:13" with `pad`, "1:02:13" past an hour): how players show a time. */
export function clock(seconds: number, pad = false): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  const rest = two(total % 60);
  return hours > 0 ? `${String(hours)}:${two(minutes)}:${rest}` : `${pad ? two(minutes) : String(minutes)}:${rest}`;
}

/** "2 min. 13 sek.": a time as a screen reader should say it (a reader says "2:13" as a clock time). */
export function spokenDuration(seconds: number, t: Translate): string {
  const total = Math.max(0, Math.round(seconds));
  const parts: [string, number][] = [['hours', Math.floor(total / 3600)], ['minutes', Math.floor(total / 60) % 60], ['seconds', total % 60]];
  const said = parts.filter(([, count]) => count > 0).map(([unit, count]) => t(`time.${unit}`, { value: count }));
  return said.length > 0 ? said.join(' ') : t('time.seconds', { value: 0 });
}
