import { Type, type Static } from 'typebox';
import { CalendarDate, Language, LocalTime } from './common.js';

export const Municipality = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'The job centre\'s public name.', examples: ['Jobcenter Eksempelby'] }),
    phone: Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'Phone number in E.164 form.', examples: ['+4570000000'] }),
    email: Type.String({ format: 'email', description: 'Public e-mail address.', examples: ['jobcenter@eksempelby.dk'] }),
    website: Type.String({ format: 'uri', description: 'Public web site (https).', examples: ['https://eksempelby.dk/jobcenter'] }),
    address: Type.String({ minLength: 1, description: 'Visiting address on one line.', examples: ['Torvet 1, 9999 Eksempelby'] }),
  },
  { $id: 'Municipality', description: 'How citizens reach the job centre.' },
);
export type Municipality = Static<typeof Municipality>;

export const WeeklyOpeningHours = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    opens: LocalTime,
    closes: LocalTime,
  },
  { $id: 'WeeklyOpeningHours', description: 'Opening hours of one weekday. A weekday without an entry is closed.' },
);
export type WeeklyOpeningHours = Static<typeof WeeklyOpeningHours>;

export const OpeningHoursException = Type.Object(
  {
    date: CalendarDate,
    closed: Type.Boolean({ description: '`true`: closed all day. `false`: open from `opens` to `closes`.' }),
    opens: Type.Optional(LocalTime),
    closes: Type.Optional(LocalTime),
    note: Type.Optional(Type.String({ description: 'Why, in the municipality\'s default language (e.g. "Juleaften").' })),
  },
  { $id: 'OpeningHoursException', description: 'Opening hours of a single date, overriding the weekly hours.' },
);
export type OpeningHoursException = Static<typeof OpeningHoursException>;

export const OpeningHours = Type.Object(
  {
    timeZone: Type.String({ description: 'The IANA time zone the times are meant in.', examples: ['Europe/Copenhagen'] }),
    weekly: Type.Array(WeeklyOpeningHours),
    exceptions: Type.Array(OpeningHoursException),
  },
  { $id: 'OpeningHours', description: 'When the job centre answers the phone and the door.' },
);
export type OpeningHours = Static<typeof OpeningHours>;

export const WidgetSwitches = Type.Object(
  {
    selfBooking: Type.Boolean({ description: '`<ju-self-booking>` is offered.' }),
    liveChat: Type.Boolean({ description: '`<ju-live-chat>` is offered.' }),
    videoLibrary: Type.Boolean({ description: '`<ju-video-library>` is offered.' }),
    cvBuilder: Type.Boolean({ description: '`<ju-cv-builder>` is offered.' }),
    joblog: Type.Boolean({ description: '`<ju-joblog>` is offered.' }),
  },
  { $id: 'WidgetSwitches', description: 'Which widgets the municipality offers.' },
);
export type WidgetSwitches = Static<typeof WidgetSwitches>;

export const Config = Type.Object(
  {
    municipality: Municipality,
    openingHours: OpeningHours,
    languages: Type.Array(Language, { minItems: 1, description: 'The languages the municipality offers.' }),
    defaultLanguage: Language,
    widgets: WidgetSwitches,
  },
  {
    $id: 'Config',
    description: 'The municipality\'s settings that the widgets show before anyone logs in (`GET /v1/config`, public, with `ETag`).',
  },
);
export type Config = Static<typeof Config>;
