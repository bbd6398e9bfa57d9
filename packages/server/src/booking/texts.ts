// Localized texts of meeting types and questions (stored as JSON per language; Danish is the fallback).
import type { Booking, BookedMeetingType, FieldError, MeetingType, Question } from '@jobunivers/contract';
import type { Selectable } from 'kysely';
import type { BookingsTable, MeetingTypeQuestionsTable, MeetingTypesTable } from '../db/schema.js';
import { toIso } from '../db/time.js';
import { formatLocal } from './zone.js';

export type TextLanguage = 'da' | 'en' | 'ar';
type Localized = Partial<Record<TextLanguage, string>>;

export interface MeetingTypeTexts {
  title: Localized;
  bring?: Localized;
  phone?: Localized;
  video?: Localized;
}

export interface QuestionTexts {
  label: Localized;
  options?: { id: string; label: Localized }[];
}

/** The first of da/en/ar that `Accept-Language` asks for; Danish otherwise. */
export function textLanguage(acceptLanguage: string | undefined): TextLanguage {
  if (!acceptLanguage) return 'da';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) if (tag === 'da' || tag === 'en' || tag === 'ar') return tag;
  return 'da';
}

const pick = (texts: Localized, language: TextLanguage): string => texts[language] ?? texts.da ?? Object.values(texts).at(0) ?? '';

export function toBookedMeetingType(row: Selectable<MeetingTypesTable>, language: TextLanguage): BookedMeetingType {
  const texts = JSON.parse(row.texts) as MeetingTypeTexts;
  const details: BookedMeetingType['details'] = {};
  if (row.kind === 'in-person' && row.address !== null) details.address = row.address;
  if (row.kind === 'in-person' && texts.bring) details.bring = pick(texts.bring, language);
  if (row.kind === 'phone' && texts.phone) details.phone = pick(texts.phone, language);
  if (row.kind === 'video' && texts.video) details.video = pick(texts.video, language);
  return { id: row.id, kind: row.kind, title: pick(texts.title, language), durationMinutes: row.duration_minutes, details };
}

export function toQuestion(row: Selectable<MeetingTypeQuestionsTable>, language: TextLanguage): Question {
  const texts = JSON.parse(row.texts) as QuestionTexts;
  return {
    id: row.id,
    kind: row.kind,
    label: pick(texts.label, language),
    required: row.required === 1,
    ...(row.kind === 'text' && row.max_length !== null ? { maxLength: row.max_length } : {}),
    ...(row.kind === 'choice' ? { options: (texts.options ?? []).map((option) => ({ id: option.id, label: pick(option.label, language) })) } : {}),
  };
}

export function toMeetingType(row: Selectable<MeetingTypesTable>, questions: Selectable<MeetingTypeQuestionsTable>[], language: TextLanguage): MeetingType {
  return { ...toBookedMeetingType(row, language), questions: questions.map((question) => toQuestion(question, language)) };
}

export function toBooking(
  row: Selectable<BookingsTable>,
  meetingType: Selectable<MeetingTypesTable>,
  caseworkerFirstName: string,
  language: TextLanguage,
): Booking {
  return {
    id: row.id,
    status: row.status,
    meetingType: toBookedMeetingType(meetingType, language),
    start: formatLocal(Date.parse(row.start_at)),
    end: formatLocal(Date.parse(row.end_at)),
    caseworker: { firstName: caseworkerFirstName },
    answers: JSON.parse(row.answers) as Booking['answers'],
    sequence: row.sequence,
    bookedBy: row.booked_by,
    changeReason: row.change_reason,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancelled_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** Checks answers against the questions: unknown questions or options, too long, missing required ones. */
export function answerErrors(answers: readonly { questionId: string; value: string }[], questions: Selectable<MeetingTypeQuestionsTable>[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const question = questions.find((candidate) => candidate.id === answer.questionId);
    if (question === undefined) {
      errors.push({ pointer: `/answers/${String(index)}/questionId`, code: 'enum', detail: 'This meeting type has no such question.' });
      return;
    }
    if (seen.has(question.id)) {
      errors.push({ pointer: `/answers/${String(index)}/questionId`, code: 'uniqueItems', detail: 'Answer each question once.' });
      return;
    }
    seen.add(question.id);
    if (question.kind === 'choice') {
      const options = (JSON.parse(question.texts) as QuestionTexts).options ?? [];
      if (!options.some((option) => option.id === answer.value)) {
        errors.push({ pointer: `/answers/${String(index)}/value`, code: 'enum', detail: 'Pick one of the question\'s options (its id).' });
      }
    } else if (question.max_length !== null && Array.from(answer.value).length > question.max_length) {
      errors.push({ pointer: `/answers/${String(index)}/value`, code: 'maxLength', detail: `At most ${String(question.max_length)} characters.` });
    } else if (question.required === 1 && answer.value.trim() === '') {
      errors.push({ pointer: `/answers/${String(index)}/value`, code: 'required', detail: 'This question must be answered.' });
    }
  });
  for (const question of questions) {
    if (question.required === 1 && !seen.has(question.id)) {
      errors.push({ pointer: '/answers', code: 'required', detail: `Answer the required question "${question.id}".` });
    }
  }
  return errors;
}
