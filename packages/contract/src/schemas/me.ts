import { Type, type Static } from 'typebox';
import { Id, Language, Role } from './common.js';

export const Team = Type.Object(
  { id: Id, name: Type.String({ minLength: 1, description: 'The team\'s display name.' }) },
  { $id: 'Team', description: 'The team a user belongs to.' },
);
export type Team = Static<typeof Team>;

export const Preferences = Type.Object(
  {
    language: Language,
    notifyByEmail: Type.Boolean({ description: 'Whether the user also wants notifications by e-mail.' }),
  },
  { $id: 'Preferences', description: 'The user\'s own settings.' },
);
export type Preferences = Static<typeof Preferences>;

export const Me = Type.Object(
  {
    id: Id,
    role: Role,
    firstName: Type.String({ minLength: 1, description: 'Only a first name: widgets never need more.' }),
    team: Type.Optional(Team),
    preferences: Preferences,
  },
  { $id: 'Me', description: 'The authenticated user (`GET /v1/me`, with `ETag`).' },
);
export type Me = Static<typeof Me>;

export const PreferencesUpdate = Type.Object(
  {
    language: Language,
    notifyByEmail: Type.Boolean({ description: 'Whether the user also wants notifications by e-mail.' }),
  },
  {
    $id: 'PreferencesUpdate',
    description: 'Body of `PUT /v1/me/preferences`: both fields, nothing else. Needs `If-Match`.',
    additionalProperties: false,
  },
);
export type PreferencesUpdate = Static<typeof PreferencesUpdate>;
