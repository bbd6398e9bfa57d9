import { Type, type Static } from 'typebox';

export const HealthStatus = Type.Object(
  { status: Type.Literal('ok') },
  { $id: 'HealthStatus', description: '`GET /health/live` and `GET /health/ready` when healthy.' },
);
export type HealthStatus = Static<typeof HealthStatus>;
