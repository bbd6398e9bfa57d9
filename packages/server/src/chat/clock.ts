// The clock of the chat rules (opening hours, timestamps, retention); tests may move it.
export const chatClock = { now: (): number => Date.now() };

export const chatNowIso = (): string => new Date(chatClock.now()).toISOString();
