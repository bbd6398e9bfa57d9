import type { ApplyMethod, IsoDate, JoblogEntry, Status } from './entry.js';
import type { Message } from './message.js';
import { answeredOn, daysUntilAnswer, hadInterview, statusStays } from './status.js';
import { foldForMatch } from './text.js';

/**
 * Fewer than this many and a share or a typical value says nothing ("2 of 3 answered" is not "67 %"): such figures
 * are given as counts only, with "for få til at sige noget".
 */
export const MIN_SAMPLE = 5;

/** A share that is only given as a percentage when there are enough to say something. */
export type Share =
  | { kind: 'percent'; percent: number; count: number; of: number }
  | { kind: 'too-few'; count: number; of: number };

/** A typical (median) number of days, only when there are enough. */
export type TypicalDays = { kind: 'days'; days: number; of: number } | { kind: 'too-few'; of: number };

export interface InsightGroup {
  /** The method (`written`, …) or the source as first written ("Jobnet"); `''`: not given. */
  label: string;
  /** Applications sent in the group. */
  applications: number;
  /** Applications with an answer: an interview, a rejection or the job. */
  answers: number;
  interviews: number;
  hired: number;
  answerShare: Share;
  interviewShare: Share;
}

export interface Insights {
  /** Applications sent (status other than saved). */
  applications: number;
  answers: number;
  interviews: number;
  hired: number;
  answerShare: Share;
  interviewShare: Share;
  /** Days from applying to the first answer (interview, rejection or the job). */
  daysToAnswer: TypicalDays;
  byMethod: InsightGroup[];
  bySource: InsightGroup[];
  /** Typical days spent in a status before moving on (finished stays only: the current one is still running). */
  timeInStatus: Record<Exclude<Status, 'closed'>, TypicalDays>;
  /** Sentences to show, each a key and its parameters. */
  messages: Message[];
}

export interface InsightOptions {
  /** Only applications dated from (included). */
  from?: IsoDate | null;
  /** Only applications dated to (included). */
  to?: IsoDate | null;
}

export function share(count: number, of: number): Share {
  return of < MIN_SAMPLE ? { kind: 'too-few', count, of } : { kind: 'percent', percent: Math.round((count / of) * 100), count, of };
}

/** The median, rounded to whole days, of at least `MIN_SAMPLE` values. */
export function typicalDays(values: readonly number[]): TypicalDays {
  if (values.length < MIN_SAMPLE) return { kind: 'too-few', of: values.length };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { kind: 'days', days: Math.round(median), of: values.length };
}

interface Tally {
  label: string;
  applications: number;
  answers: number;
  interviews: number;
  hired: number;
}

const emptyTally = (label: string): Tally => ({ label, applications: 0, answers: 0, interviews: 0, hired: 0 });

function count(tally: Tally, answered: boolean, interview: boolean, hired: boolean): void {
  tally.applications++;
  if (answered) tally.answers++;
  if (interview) tally.interviews++;
  if (hired) tally.hired++;
}

const toGroup = (tally: Tally): InsightGroup => ({ ...tally, answerShare: share(tally.answers, tally.applications), interviewShare: share(tally.interviews, tally.applications) });

/** Most applications first; "not given" last. */
const byApplications = (a: InsightGroup, b: InsightGroup): number =>
  Number(a.label === '') - Number(b.label === '') || b.applications - a.applications || a.label.localeCompare(b.label, 'da');

/**
 * What the citizen's applications say: how many got an answer or an interview, by how they applied and where the
 * job was found, how long answers take and how long applications stay in each status. Only applications that were
 * sent count (not saved ones, not activities). Small numbers are given as counts, never as percentages.
 */
export function computeInsights(entries: readonly JoblogEntry[], today: IsoDate, options: InsightOptions = {}): Insights {
  const total = emptyTally('');
  const methods = new Map<ApplyMethod | '', Tally>();
  const sources = new Map<string, Tally>();
  const answerDays: number[] = [];
  const stays: Record<Exclude<Status, 'closed'>, number[]> = { saved: [], applied: [], interview: [] };
  for (const entry of entries) {
    if (entry.type !== 'application') continue;
    if (options.from && entry.date < options.from) continue;
    if (options.to && entry.date > options.to) continue;
    for (const stay of statusStays(entry, today)) if (stay.ended && stay.status !== 'closed') stays[stay.status].push(stay.days);
    if (entry.status === 'saved') continue;
    const answer = answeredOn(entry);
    const interview = hadInterview(entry);
    const hired = entry.status === 'closed' && entry.outcome === 'hired';
    count(total, answer !== null, interview, hired);
    const method = entry.method ?? '';
    const methodTally = methods.get(method) ?? emptyTally(method);
    methods.set(method, methodTally);
    count(methodTally, answer !== null, interview, hired);
    // "Jobnet", "jobnet " and "JOBNET" are one source, named as first written.
    const sourceKey = foldForMatch(entry.source);
    const sourceTally = sources.get(sourceKey) ?? emptyTally(sourceKey === '' ? '' : entry.source.trim());
    sources.set(sourceKey, sourceTally);
    count(sourceTally, answer !== null, interview, hired);
    const days = daysUntilAnswer(entry);
    if (days !== null) answerDays.push(days);
  }
  const insights: Insights = {
    applications: total.applications,
    answers: total.answers,
    interviews: total.interviews,
    hired: total.hired,
    answerShare: share(total.answers, total.applications),
    interviewShare: share(total.interviews, total.applications),
    daysToAnswer: typicalDays(answerDays),
    byMethod: [...methods.values()].map(toGroup).sort(byApplications),
    bySource: [...sources.values()].map(toGroup).sort(byApplications),
    timeInStatus: { saved: typicalDays(stays.saved), applied: typicalDays(stays.applied), interview: typicalDays(stays.interview) },
    messages: [],
  };
  insights.messages = insightMessages(insights);
  return insights;
}

/** The summary sentences: the numbers always, shares and typical times only when there are enough. */
function insightMessages(insights: Insights): Message[] {
  if (insights.applications === 0) return [{ key: 'insight.empty', params: {} }];
  const messages: Message[] = [{ key: 'insight.applications', params: { count: insights.applications } }];
  if (insights.answerShare.kind === 'percent') {
    messages.push({ key: 'insight.answerShare', params: { count: insights.answers, percent: insights.answerShare.percent } });
    messages.push({ key: 'insight.interviewShare', params: { count: insights.interviews, percent: insights.interviewShare.kind === 'percent' ? insights.interviewShare.percent : 0 } });
  } else {
    messages.push({ key: 'insight.answers', params: { count: insights.answers } });
    messages.push({ key: 'insight.interviews', params: { count: insights.interviews } });
    messages.push({ key: 'insight.tooFew', params: {} });
  }
  if (insights.daysToAnswer.kind === 'days') messages.push({ key: 'insight.daysToAnswer', params: { count: insights.daysToAnswer.days } });
  return messages;
}
