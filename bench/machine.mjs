// What every benchmark prints after its figures: the machine, and how busy it was (the figures are noisy).
import { existsSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';

const loadNow = () => loadavg().map((load) => load.toFixed(2)).join(' ');

/** Call at the start of a run; `report(extra)` prints the machine and load lines at its end. */
export function machineReport() {
  const loadBefore = loadNow();
  const startedAt = performance.now();
  return {
    /** @param {{ browser?: string, took?: string }} [details] */
    print({ browser, took } = {}) {
      const cpu = cpus();
      const postgres = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().at(-1) : undefined;
      console.log(`\nmachine: ${String(cpu.length)} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()}; `
        + `${browser === undefined ? '' : `Chromium ${browser} (headless); `}Node ${process.version}`
        + `${postgres === undefined ? '' : `; PostgreSQL ${postgres}`}; ${new Date().toISOString()}`);
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
      console.log(`load average before/after: ${loadBefore} / ${loadNow()} (other processes make the figures noisy)${took === undefined ? '' : `; ${took} took ${seconds} s`}`);
    },
  };
}
