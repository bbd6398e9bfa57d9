// Every Arabic string of <ju-cv-builder> in one chunk: the language loads whole, in one request, when an
// element needs it (see register.ts).
import shell from './ar.json';
import model from './model.ar.json';
import preview from './preview.ar.json';
import sections from './sections.ar.json';

export const files: object[] = [sections, model, preview, shell];
