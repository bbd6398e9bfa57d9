import { tokenStyles } from './tokens.styles.js';
import { baseStyles } from './base.styles.js';
import { controlStyles } from './controls.styles.js';

export { tokenStyles, baseStyles, controlStyles };

/** Tokens + base + controls: what a widget's `static styles` starts with. */
export const sharedStyles = [tokenStyles, baseStyles, controlStyles];
