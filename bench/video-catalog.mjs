// A synthetic video catalogue for the benchmarks: `count` videos with Danish titles, descriptions and caption tracks
// written in the reference server's media layout (`<dir>/videos/catalog.json` + one folder per video), so the server
// imports it exactly like a municipality's own catalogue (JU_MEDIA_DIR). Deterministic for a given count.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SUBJECTS = ['jobloggen', 'dit CV', 'en samtale', 'jobcentret', 'din a-kasse', 'virksomhedspraktik', 'løntilskud', 'et jobopslag',
  'en ansøgning', 'Jobnet', 'dagpenge', 'kontanthjælp', 'uddannelse', 'et kursus', 'din plan', 'et netværksmøde', 'en jobmesse',
  'dit MitID', 'Digital Post', 'en virksomhed', 'din rådighed', 'sygemelding', 'ferie', 'et vikarbureau', 'en uopfordret ansøgning'];
const VERBS = ['udfylder', 'skriver', 'booker', 'finder', 'opdaterer', 'sender', 'forbereder', 'aflyser', 'gemmer', 'læser', 'søger',
  'ændrer', 'tjekker', 'deler', 'bruger', 'starter', 'afslutter', 'planlægger', 'husker', 'forklarer'];
const OPENERS = ['Her kan du se, hvordan du', 'Nu viser vi, hvordan du', 'Det er vigtigt, at du', 'Mange spørger, hvordan de',
  'Husk at', 'Du kan altid', 'Bagefter', 'Først', 'Når du er klar,', 'Hvis du er i tvivl,'];
const ENDINGS = ['på din telefon.', 'i god tid.', 'hver uge.', 'sammen med din rådgiver.', 'inden mødet.', 'på Jobnet.',
  'når du har tid.', 'uden at logge ind igen.', 'med det samme.', 'før fristen.'];
const TOPICS = ['booking', 'joblog', 'cv', 'chat', 'rights', 'jobsearch'];
const GROUPS = ['dagpenge', 'kontanthjaelp', 'unge'];

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same catalogue. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, list) => list[Math.floor(next() * list.length)];
const timestamp = (seconds) => {
  const total = Math.round(seconds * 1000);
  const whole = Math.floor(total / 1000);
  const millis = total % 1000;
  const two = (value) => String(value).padStart(2, '0');
  return `${two(Math.floor(whole / 3600))}:${two(Math.floor(whole / 60) % 60)}:${two(whole % 60)}.${String(millis).padStart(3, '0')}`;
};

/**
 * Writes the catalogue under `dir/videos` and answers what a search can be expected to find.
 * @param {string} dir  the media directory (JU_MEDIA_DIR)
 * @param {number} count  how many videos
 * @param {number} cuesPerVideo  caption cues per video (one sentence each, about 3 s apart)
 */
export function writeSyntheticCatalog(dir, count, cuesPerVideo = 60) {
  const next = random(20261128);
  const videosDir = join(dir, 'videos');
  mkdirSync(videosDir, { recursive: true });
  const videos = [];
  let cueCount = 0;
  for (let index = 0; index < count; index += 1) {
    const id = `bench-${String(index).padStart(4, '0')}`;
    const folder = join(videosDir, id);
    mkdirSync(folder, { recursive: true });
    const lines = ['WEBVTT', ''];
    let at = 0;
    for (let cue = 0; cue < cuesPerVideo; cue += 1) {
      const length = 2 + next() * 2;
      lines.push(`${timestamp(at)} --> ${timestamp(at + length)}`, `${pick(next, OPENERS)} ${pick(next, VERBS)} ${pick(next, SUBJECTS)} ${pick(next, ENDINGS)}`, '');
      at += length + 0.3;
    }
    cueCount += cuesPerVideo;
    writeFileSync(join(folder, 'captions.da.vtt'), lines.join('\n'));
    writeFileSync(join(folder, 'chapters.da.vtt'), `WEBVTT\n\n${timestamp(0)} --> ${timestamp(at)}\nHele videoen\n`);
    // The media files themselves are never played by the bench: one byte stands in for each.
    writeFileSync(join(folder, 'video.mp4'), 'x');
    const subject = pick(next, SUBJECTS);
    videos.push({
      id,
      kind: index % 10 === 0 ? 'webinar' : 'guide',
      title: { da: `Sådan ${pick(next, VERBS)} du ${subject} (${String(index + 1)})`, en: `Video ${String(index + 1)}` },
      description: { da: `En kort vejledning om ${subject} og ${pick(next, SUBJECTS)}.`, en: 'A short guide.' },
      topic: TOPICS[index % TOPICS.length],
      targetGroups: GROUPS.filter(() => next() < 0.6),
      language: 'da',
      duration: Math.round(at * 100) / 100,
      signLanguage: false,
      publishedAt: `2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
      poster: null,
      renditions: [{ kind: 'standard', src: `${id}/video.mp4`, type: 'video/mp4', width: 640, height: 360, bytes: 1 }],
      tracks: [
        { kind: 'captions', language: 'da', src: `${id}/captions.da.vtt` },
        { kind: 'chapters', language: 'da', src: `${id}/chapters.da.vtt` },
      ],
      transcript: {},
    });
  }
  const label = (id) => ({ da: id, en: id });
  const catalog = {
    topics: TOPICS.map((id) => ({ id, label: label(id) })),
    targetGroups: GROUPS.map((id) => ({ id, label: label(id) })),
    videos,
    playlists: [{ id: 'bench', title: { da: 'Bench', en: 'Bench' }, description: { da: '', en: '' }, videoIds: videos.slice(0, 5).map((video) => video.id) }],
  };
  writeFileSync(join(videosDir, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);
  return { videos: count, cues: cueCount };
}
