/** What a citizen can ask for instead of booking alone (the contract's `HelpRequestCreate.reasons`). */
export const HELP_REASONS = ['interpreter', 'accessibility', 'other-place', 'phone'] as const;
export type HelpReason = (typeof HELP_REASONS)[number];
