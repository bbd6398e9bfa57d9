// The language of labels in a chat answer (contract: the request's Accept-Language when available, else Danish).
import type { FastifyRequest } from 'fastify';
import { textLanguage } from '../booking/texts.js';
import type { ChatLanguage } from './texts.js';

export function requestLanguage(request: FastifyRequest): ChatLanguage {
  return textLanguage(request.headers['accept-language']);
}
