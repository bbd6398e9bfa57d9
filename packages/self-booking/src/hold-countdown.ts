import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Hold times the client trusts; outside this the clocks disagree and the contract's default is assumed. */
const DEFAULT_HOLD_MS = 5 * 60_000;
const MAX_TRUSTED_HOLD_MS = 15 * 60_000;
/** Expire this much before the server does, so "confirm" is never pressed on a hold that just ran out. */
const SAFETY_MARGIN_MS = 5_000;

/**
 * Counts a hold down once a second and re-renders its host. The visible clock updates every second; what is
 * announced is up to the host (`onMinuteLeft` fires once, `onExpire` once).
 */
export class HoldCountdown implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onMinuteLeft: () => void;
  readonly #onExpire: () => void;
  #endsAt = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #warned = false;

  constructor(host: ReactiveControllerHost, callbacks: { onMinuteLeft: () => void; onExpire: () => void }) {
    this.#host = host;
    this.#onMinuteLeft = callbacks.onMinuteLeft;
    this.#onExpire = callbacks.onExpire;
    host.addController(this);
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Whole seconds left (0 when stopped). */
  get secondsLeft(): number {
    return this.running ? Math.max(0, Math.ceil((this.#endsAt - Date.now()) / 1000)) : 0;
  }

  /** Starts counting towards the server's `expiresAt`. */
  start(expiresAt: string, now = Date.now()): void {
    this.stop();
    let remaining = Date.parse(expiresAt) - now;
    if (!Number.isFinite(remaining) || remaining > MAX_TRUSTED_HOLD_MS) remaining = DEFAULT_HOLD_MS;
    this.#endsAt = now + remaining - SAFETY_MARGIN_MS;
    this.#warned = this.#endsAt - now <= 60_000;
    this.#timer = setInterval(() => { this.#tick(); }, 1000);
    this.#tick();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }

  #tick(): void {
    const left = this.#endsAt - Date.now();
    if (left <= 0) {
      this.stop();
      this.#onExpire();
    } else if (!this.#warned && left <= 60_000) {
      this.#warned = true;
      this.#onMinuteLeft();
    }
    this.#host.requestUpdate();
  }
}
