// How every tool here starts Chromium: Debian's binary (no tool may download a browser), and flags that keep it
// from reaching for the network this machine does not have. Used by web-test-runner, Vitest, Playwright tests
// and the benchmarks.
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Playwright adds its own headless flag; launchers that do not (web-test-runner's) add '--headless=new'.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions', '--mute-audio',
];

/** Playwright launch options for Debian's Chromium. */
export const chromiumLaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
