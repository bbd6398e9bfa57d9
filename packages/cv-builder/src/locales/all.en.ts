// Every English string of <ju-cv-builder> in one chunk: the language loads whole, in one request, when an
// element needs it (see register.ts).
import shell from './en.json';
import model from './model.en.json';
import preview from './preview.en.json';
import sections from './sections.en.json';

export const files: object[] = [sections, model, preview, shell];
