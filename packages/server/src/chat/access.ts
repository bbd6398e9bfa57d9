// Who is calling a conversation endpoint, and what they may see. A caller is a signed-in citizen or caseworker
// (a JWT, verified like everywhere else), or an anonymous citizen holding one conversation's access token
// (random, 32 bytes; only its SHA-256 is stored). A conversation the caller may not see is answered 404.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../auth.js';
import type { AppContext } from '../context.js';
import { ProblemError } from '../problem.js';
import { loadConversation, type ConversationRow, type Db, type Viewer } from './store.js';

export type ChatCaller =
  | { kind: 'citizen'; userId: string }
  | { kind: 'anonymous'; conversationId: string }
  | { kind: 'caseworker'; userId: string; teamId: string | null };

const callers = new WeakMap<FastifyRequest, ChatCaller | null>();

export const hashAccessToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

/** A new access token and the hash to store. */
export function newAccessToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashAccessToken(token) };
}

/** JWTs have three dot-separated parts; access tokens are one base64url string. */
const looksLikeJwt = (token: string): boolean => token.includes('.');

async function resolveCaller(context: AppContext, request: FastifyRequest, options: { anonymousTokens: boolean }): Promise<ChatCaller | null> {
  const token = bearerToken(request);
  if (token === undefined) return null;
  if (!looksLikeJwt(token)) {
    if (!options.anonymousTokens) return null;
    const row = await context.db.selectFrom('chat_conversations').select('id').where('access_token_hash', '=', hashAccessToken(token)).executeTakeFirst();
    if (row === undefined) throw new ProblemError('token-invalid', { detail: 'The chat access token is not valid (the conversation may have been deleted). Start a new chat.' });
    return { kind: 'anonymous', conversationId: row.id };
  }
  const claims = await context.verifier.verify(token);
  const user = await context.db.selectFrom('users').select(['id', 'role', 'team_id']).where('id', '=', claims.sub).executeTakeFirst();
  if (user === undefined || user.role !== claims.role) throw new ProblemError('token-invalid', { detail: 'The token is for an unknown user.' });
  request.user = { id: user.id, role: user.role };
  return user.role === 'citizen' ? { kind: 'citizen', userId: user.id } : { kind: 'caseworker', userId: user.id, teamId: user.team_id };
}

/**
 * onRequest hooks. `required`: a JWT or an access token (401 without). `optional`: a JWT or nobody (an access token
 * counts as nobody: it belongs to another conversation). `caseworker`: a caseworker's JWT only (403 for citizens).
 */
export function chatAuth(context: AppContext, mode: 'required' | 'optional' | 'caseworker') {
  return async function authenticateChat(request: FastifyRequest): Promise<void> {
    const caller = await resolveCaller(context, request, { anonymousTokens: mode === 'required' });
    if (caller === null && mode !== 'optional') throw new ProblemError('unauthenticated', { detail: 'Send Authorization: Bearer <token>.' });
    if (mode === 'caseworker' && caller?.kind !== 'caseworker') throw new ProblemError('forbidden', { detail: 'Only a caseworker may do this.' });
    callers.set(request, caller);
  };
}

/** The caller `chatAuth` found (`null`: nobody, only with `optional`). */
export function chatCallerOf(request: FastifyRequest): ChatCaller | null {
  const caller = callers.get(request);
  if (caller === undefined) throw new ProblemError('unauthenticated');
  return caller;
}

export function requireCaller(request: FastifyRequest): ChatCaller {
  const caller = chatCallerOf(request);
  if (caller === null) throw new ProblemError('unauthenticated', { detail: 'Send Authorization: Bearer <token>.' });
  return caller;
}

export function requireCaseworker(request: FastifyRequest): Extract<ChatCaller, { kind: 'caseworker' }> {
  const caller = requireCaller(request);
  if (caller.kind !== 'caseworker') throw new ProblemError('forbidden', { detail: 'Only a caseworker may do this.' });
  return caller;
}

/**
 * How a caseworker relates to a conversation: `assigned` (theirs now), `team` (queued or a left message of their
 * team), `former` (they had it before a transfer: read only), or `undefined` (they may not see it).
 */
export type StaffAccess = 'assigned' | 'team' | 'former';

export async function staffAccess(db: Db, caller: Extract<ChatCaller, { kind: 'caseworker' }>, row: ConversationRow): Promise<StaffAccess | undefined> {
  if (row.caseworker_id === caller.userId) return 'assigned';
  if ((row.state === 'queued' || row.state === 'left-message') && caller.teamId !== null && row.team_id === caller.teamId) return 'team';
  const former = await db.selectFrom('chat_participants').select('caseworker_id').where('conversation_id', '=', row.id).where('caseworker_id', '=', caller.userId).executeTakeFirst();
  return former === undefined ? undefined : 'former';
}

export interface VisibleConversation {
  row: ConversationRow;
  viewer: Viewer;
  /** For caseworkers: how they relate to it. */
  access: StaffAccess | 'citizen';
}

export const conversationNotFound = () => new ProblemError('not-found', { detail: 'There is no such conversation for you.' });

/** Loads the conversation if the caller may see it; 404 otherwise (also for a conversation that does not exist). */
export async function visibleConversation(db: Db, caller: ChatCaller, id: string): Promise<VisibleConversation> {
  const row = await loadConversation(db, id);
  if (row === undefined) throw conversationNotFound();
  switch (caller.kind) {
    case 'citizen':
      if (row.citizen_id !== caller.userId) throw conversationNotFound();
      return { row, viewer: 'citizen', access: 'citizen' };
    case 'anonymous':
      if (row.id !== caller.conversationId) throw conversationNotFound();
      return { row, viewer: 'citizen', access: 'citizen' };
    case 'caseworker': {
      const access = await staffAccess(db, caller, row);
      if (access === undefined) throw conversationNotFound();
      return { row, viewer: 'staff', access };
    }
  }
}
