// The free times of one meeting type, by Copenhagen date, for the months fetched so far. The month grid only
// asks for counts, so rendering a month costs the same with 20 or 2,000 slots.
import type { Slot, SlotList } from './booking-api.js';
import { localDateOf, monthOf, type LocalDate, type MonthKey } from './dates.js';

export class SlotIndex {
  readonly #byDate = new Map<LocalDate, Slot[]>();
  readonly #months = new Map<MonthKey, { nextAvailable: LocalDate | null }>();
  /** The deadline the server gave for this citizen, or null. */
  serverDeadline: LocalDate | null = null;

  hasMonth(month: MonthKey): boolean {
    return this.#months.has(month);
  }

  /** Replaces everything known about `month` with the server's answer for it. */
  setMonth(month: MonthKey, list: SlotList): void {
    for (const date of [...this.#byDate.keys()]) if (monthOf(date) === month) this.#byDate.delete(date);
    for (const slot of list.slots) {
      const date = localDateOf(slot.start);
      if (monthOf(date) !== month) continue;
      const day = this.#byDate.get(date);
      if (day === undefined) this.#byDate.set(date, [slot]);
      else day.push(slot);
    }
    for (const day of this.#byDate.values()) day.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    this.#months.set(month, { nextAvailable: list.nextAvailable });
    this.serverDeadline = list.deadline;
  }

  /** Forgets one slot (someone else took it) without a round trip. */
  remove(slotId: string): void {
    for (const [date, slots] of this.#byDate) {
      const rest = slots.filter((slot) => slot.id !== slotId);
      if (rest.length === 0) this.#byDate.delete(date);
      else if (rest.length !== slots.length) this.#byDate.set(date, rest);
    }
  }

  slotsOn(date: LocalDate): readonly Slot[] {
    return this.#byDate.get(date) ?? [];
  }

  count(date: LocalDate): number {
    return this.#byDate.get(date)?.length ?? 0;
  }

  /** The earliest loaded date with free times that `accept`s, if any. */
  firstDate(accept: (date: LocalDate) => boolean = () => true): LocalDate | undefined {
    let first: LocalDate | undefined;
    for (const date of this.#byDate.keys()) if (accept(date) && (first === undefined || date < first)) first = date;
    return first;
  }

  /** How many dates of `month` have free times that `accept`s. */
  daysWithSlots(month: MonthKey, accept: (date: LocalDate) => boolean = () => true): number {
    let days = 0;
    for (const date of this.#byDate.keys()) if (monthOf(date) === month && accept(date)) days += 1;
    return days;
  }

  /** The first date after `month` with a free time, as the server reported with that month. */
  nextAvailableAfter(month: MonthKey): LocalDate | null {
    return this.#months.get(month)?.nextAvailable ?? null;
  }

  clear(): void {
    this.#byDate.clear();
    this.#months.clear();
  }
}
