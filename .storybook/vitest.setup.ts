import { setProjectAnnotations } from '@storybook/web-components-vite';
import * as a11yAnnotations from '@storybook/addon-a11y/preview';
import * as previewAnnotations from './preview.js';

// What Storybook's preview iframe applies to every story: the a11y addon (axe after each story, failing on
// violations because preview.ts sets a11y.test = 'error') and our preview (decorator, toolbar globals, manifest).
// An addon that adds preview annotations must be added here as well.
setProjectAnnotations([a11yAnnotations, previewAnnotations]);
