// Extended audio description: the description is read aloud (in the track's language) while the video waits.
// Without speech synthesis the video waits as long as it takes to read the text at a calm pace, so a screen
// reader (which gets the text through the widget's announcer) has time to say it.

const CALM_WORDS_PER_SECOND = 2.5;

/** Reads `text` aloud in `language`; resolves when it has been said (or could not be). */
export function speakDescription(text: string, language: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const synthesis = globalThis.speechSynthesis as SpeechSynthesis | undefined;
    const done = (): void => { clearTimeout(timer); resolve(); };
    const words = text.split(/\s+/).filter(Boolean).length;
    const calm = (words / CALM_WORDS_PER_SECOND) * 1000 + 500;
    // The longest we wait, even if the speech engine never says it has finished (some never do).
    let timer = setTimeout(done, synthesis ? calm * 3 : calm);
    signal.addEventListener('abort', () => { synthesis?.cancel(); done(); }, { once: true });
    if (!synthesis || typeof SpeechSynthesisUtterance === 'undefined') return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    const voice = synthesis.getVoices().find((candidate) => candidate.lang.toLowerCase().startsWith(language.toLowerCase()));
    if (voice) utterance.voice = voice;
    utterance.addEventListener('end', done);
    // No voice for the language (or no speech engine at all): wait the reading time, for the screen reader.
    utterance.addEventListener('error', () => { clearTimeout(timer); timer = setTimeout(done, calm); });
    synthesis.speak(utterance);
  });
}
