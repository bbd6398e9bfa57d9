// Which seconds of a video the citizen has seen: a sorted list of disjoint [start, end] ranges. Pure functions,
// so resume and completion can be tested without a video, and the same arithmetic as the server's union.

export type Range = [start: number, end: number];

/** Sorted, merged, without empty ranges (ranges that touch or overlap become one). */
export function normalizeRanges(ranges: readonly (readonly [number, number])[]): Range[] {
  const sorted = ranges
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .map(([start, end]): Range => [Math.max(0, start), end])
    .sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The union of two lists of ranges. */
export function mergeRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  return normalizeRanges([...a, ...b]);
}

/** Adds the played span from `start` to `end`. */
export function addRange(ranges: readonly Range[], start: number, end: number): Range[] {
  return normalizeRanges([...ranges, [Math.min(start, end), Math.max(start, end)]]);
}

/** The unique seconds the ranges cover. */
export function uniqueSeconds(ranges: readonly Range[]): number {
  return normalizeRanges(ranges).reduce((total, [start, end]) => total + end - start, 0);
}

/** Longest step between two time updates that still counts as watching (media seconds at 1×); longer is a jump. */
const MAX_STEP_SECONDS = 2;

/**
 * Turns the media element's time updates into watched ranges: a step forward by a plausible amount (at most
 * 2 s of media per 1× of speed) without a seek in between counts as watched; seeks, jumps and steps back do not.
 */
export class WatchTracker {
  ranges: Range[];
  #last: number | undefined;

  constructor(ranges: readonly Range[] = []) {
    this.ranges = normalizeRanges(ranges);
  }

  /** Playback is at `time` (seconds) at `rate`. Returns true when watched seconds were added. */
  tick(time: number, rate = 1): boolean {
    const last = this.#last;
    this.#last = time;
    if (last === undefined) return false;
    const step = time - last;
    if (step <= 0 || step > MAX_STEP_SECONDS * Math.max(1, rate)) return false;
    this.ranges = addRange(this.ranges, last, time);
    return true;
  }

  /** Playback starts, or a seek ended, at `time`: the next step counts from here. */
  resume(time: number): void {
    this.#last = time;
  }

  /** A seek started, or playback stopped: the next step does not count. */
  interrupt(): void {
    this.#last = undefined;
  }

  get watchedSeconds(): number {
    return uniqueSeconds(this.ranges);
  }
}
