// The server's own words in a conversation: system lines and the transcript, in the conversation's language.
export type ChatLanguage = 'da' | 'en' | 'ar';
export type Localized = Partial<Record<ChatLanguage, string>>;

/** At most `max` UTF-16 code units (how the contract's maxLength counts), never splitting a character. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const character of text) {
    if (out.length + character.length > max) break;
    out += character;
  }
  return out;
}

export const pickText = (texts: Localized, language: ChatLanguage): string => texts[language] ?? texts.da ?? Object.values(texts).at(0) ?? '';

/** "Team Nord – jobparate" reads as "Team Nord" in a sentence. */
export const shortTeamName = (team: string): string => team.split(' – ')[0]?.trim() || team;

interface StaffName {
  firstName: string;
  team: string;
}

const LINES = {
  claimed: {
    da: (s: StaffName) => `${s.firstName} fra ${shortTeamName(s.team)} er klar til at hjælpe dig.`,
    en: (s: StaffName) => `${s.firstName} from ${shortTeamName(s.team)} is ready to help you.`,
    ar: (s: StaffName) => `${s.firstName} من ${shortTeamName(s.team)} مستعد لمساعدتك.`,
  },
  transferredToCaseworker: {
    da: (s: StaffName) => `Samtalen er givet videre til ${s.firstName} fra ${shortTeamName(s.team)}.`,
    en: (s: StaffName) => `Your conversation has been passed on to ${s.firstName} from ${shortTeamName(s.team)}.`,
    ar: (s: StaffName) => `تم تحويل محادثتك إلى ${s.firstName} من ${shortTeamName(s.team)}.`,
  },
  transferredToTeam: {
    da: (team: string) => `Samtalen er givet videre til ${shortTeamName(team)}. Du er den næste i køen.`,
    en: (team: string) => `Your conversation has been passed on to ${shortTeamName(team)}. You are next in the queue.`,
    ar: (team: string) => `تم تحويل محادثتك إلى ${shortTeamName(team)}. أنت التالي في قائمة الانتظار.`,
  },
  closedByCitizen: { da: 'Du har afsluttet samtalen.', en: 'You ended the conversation.', ar: 'لقد أنهيت المحادثة.' },
  closedByCaseworker: {
    da: (name: string) => `${name} har afsluttet samtalen.`,
    en: (name: string) => `${name} ended the conversation.`,
    ar: (name: string) => `أنهى ${name} المحادثة.`,
  },
} as const;

export const systemLines = {
  claimed: (language: ChatLanguage, staff: StaffName) => LINES.claimed[language](staff),
  transferredToCaseworker: (language: ChatLanguage, staff: StaffName) => LINES.transferredToCaseworker[language](staff),
  transferredToTeam: (language: ChatLanguage, team: string) => LINES.transferredToTeam[language](team),
  closedByCitizen: (language: ChatLanguage) => LINES.closedByCitizen[language],
  closedByCaseworker: (language: ChatLanguage, name: string) => LINES.closedByCaseworker[language](name),
};

/** Labels of the transcript (a text file the citizen keeps). */
export const TRANSCRIPT_TEXTS: Record<ChatLanguage, { title: string; topic: string; started: string; ended: string; you: string; jobCentre: string; attachment: string; timeZone: string }> = {
  da: { title: 'Chat med jobcentret', topic: 'Emne', started: 'Startet', ended: 'Afsluttet', you: 'Du', jobCentre: 'Jobcentret', attachment: 'Vedhæftet fil', timeZone: 'Tider er dansk tid.' },
  en: { title: 'Chat with the job centre', topic: 'Topic', started: 'Started', ended: 'Ended', you: 'You', jobCentre: 'Job centre', attachment: 'Attached file', timeZone: 'Times are Danish time.' },
  ar: { title: 'محادثة مع مركز العمل', topic: 'الموضوع', started: 'بدأت', ended: 'انتهت', you: 'أنت', jobCentre: 'مركز العمل', attachment: 'ملف مرفق', timeZone: 'الأوقات بتوقيت الدنمارك.' },
};
