import { Type, type Static } from 'typebox';
import { DateTime, Id, Role } from './common.js';
import { Me } from './me.js';

export const DemoUser = Type.Object(
  {
    id: Id,
    role: Role,
    firstName: Type.String({ minLength: 1 }),
    description: Type.String({ description: 'Who this fictional user is, for the demo\'s user picker.' }),
  },
  { $id: 'DemoUser', description: 'A fictional user of the demo municipality.' },
);
export type DemoUser = Static<typeof DemoUser>;

export const DemoUserList = Type.Object(
  { items: Type.Array(DemoUser) },
  { $id: 'DemoUserList', description: '`GET /v1/demo/users` (demo mode only).' },
);
export type DemoUserList = Static<typeof DemoUserList>;

export const DemoLoginRequest = Type.Object(
  { userId: Id },
  { $id: 'DemoLoginRequest', description: 'Body of `POST /v1/demo/login` (demo mode only).', additionalProperties: false },
);
export type DemoLoginRequest = Static<typeof DemoLoginRequest>;

export const DemoLoginResponse = Type.Object(
  {
    token: Type.String({ minLength: 1, description: 'A bearer JWT for the user.' }),
    expiresAt: DateTime,
    user: Me,
  },
  { $id: 'DemoLoginResponse', description: 'A token for a demo user, minted the way a host\'s back end would after its own login.' },
);
export type DemoLoginResponse = Static<typeof DemoLoginResponse>;
