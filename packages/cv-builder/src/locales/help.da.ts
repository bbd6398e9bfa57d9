// The Danish help texts that load after the first render (see `loadHelp` in register.ts): the sections' intros,
// tips, examples and what each language level and driving licence category means, and the completeness panel's
// texts that are folded away ("Det har du klaret", "Det gør dit CV endnu stærkere"). One chunk, one request.
export { default as sectionsHelp } from './sections-help.da.json';
export { default as completenessFolded } from './model-completeness-folded.da.json';
