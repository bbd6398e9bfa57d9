// Chat attachments: upload (the raw file as the body, only PDF/PNG/JPEG whose bytes say so, ≤ 5 MB) and download
// (participants only, as a download that the browser may not sniff or run). The upload route lives in its own
// encapsulated scope: only there are the three file types parsed, with the larger body limit.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AttachmentParams, ConversationParams, type ChatAttachment } from '@jobunivers/contract';
import type { FastifyError, FastifyRequest } from 'fastify';
import { requireCaller, visibleConversation } from '../chat/access.js';
import {
  ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, attachmentFile, attachmentName, dispositionHeader, mediaTypeOf, removeAttachmentFile, sniffType, storeAttachment,
} from '../chat/attachments.js';
import { chatAuth } from '../chat/access.js';
import { chatNowIso } from '../chat/clock.js';
import type { App, AppContext } from '../context.js';
import { ProblemError } from '../problem.js';
import type { ConversationLoader } from './chat.js';

const ALLOWED = 'Attach a PDF, PNG or JPEG file, sent as the body with its own Content-Type.';

export async function chatAttachmentRoutes(app: App, context: AppContext, conversationOf: ConversationLoader): Promise<void> {
  const { db, config } = context;
  const required = chatAuth(context, 'required');

  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([...ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES }, (_request, body, done) => {
      done(null, body);
    });
    // Body errors of this route get this route's words; everything else goes on to the app's handler.
    scope.setErrorHandler((error: FastifyError) => {
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          throw new ProblemError('payload-too-large', { detail: `Files may be at most ${String(ATTACHMENT_MAX_BYTES / (1024 * 1024))} MB.` });
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_ERR_CTP_INVALID_TYPE':
          throw new ProblemError('unsupported-media-type', { detail: ALLOWED });
        default:
          throw error;
      }
    });

    /** Checks who may upload before a byte of the body is read. */
    const mayUpload = async (request: FastifyRequest) => {
      const { id } = request.params as { id?: unknown };
      const { row, viewer, access } = await conversationOf(request, typeof id === 'string' ? id : '');
      if (row.state === 'closed') throw new ProblemError('conversation-closed', { detail: 'The conversation has ended.' });
      if (viewer === 'staff' && !(access === 'assigned' && row.state === 'active')) {
        throw new ProblemError('forbidden', { detail: 'Claim the conversation before you send files in it.' });
      }
    };

    scope.post<{ Params: ConversationParams }>(
      '/v1/chat/conversations/:id/attachments',
      { onRequest: [required, mayUpload], schema: { params: ConversationParams }, bodyLimit: ATTACHMENT_MAX_BYTES },
      async (request, reply) => {
        const { row, viewer } = await conversationOf(request, request.params.id);
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new ProblemError('unsupported-media-type', { detail: ALLOWED });
        if (body.length > ATTACHMENT_MAX_BYTES) throw new ProblemError('payload-too-large', { detail: 'Files may be at most 5 MB.' });
        const type = sniffType(body);
        if (type === undefined || type !== mediaTypeOf(request.headers['content-type'])) {
          throw new ProblemError('unsupported-media-type', { detail: `The file is not what its Content-Type says, or not a PDF, PNG or JPEG. ${ALLOWED}` });
        }
        const attachment: ChatAttachment = { id: randomUUID(), name: attachmentName(request.headers['content-disposition']), type, size: body.length };
        await storeAttachment(config.chatAttachmentsDir, row.id, attachment.id, body);
        try {
          await db.insertInto('chat_attachments').values({
            id: attachment.id, conversation_id: row.id, name: attachment.name, type, size: body.length,
            side: viewer === 'citizen' ? 'citizen' : 'caseworker', created_at: chatNowIso(),
          }).execute();
        } catch (error) {
          await removeAttachmentFile(config.chatAttachmentsDir, row.id, attachment.id);
          throw error;
        }
        return reply.code(201).header('cache-control', 'no-store').send(attachment);
      },
    );
    done();
  });

  app.get('/v1/chat/conversations/:id/attachments/:attachmentId', { onRequest: required, schema: { params: AttachmentParams } }, async (request, reply) => {
    const { row } = await visibleConversation(db, requireCaller(request), request.params.id);
    const notFound = () => new ProblemError('not-found', { detail: 'There is no such file in this conversation.' });
    const file = await db.selectFrom('chat_attachments').selectAll().where('id', '=', request.params.attachmentId).where('conversation_id', '=', row.id).executeTakeFirst();
    if (file === undefined) throw notFound();
    let bytes: Buffer;
    try {
      bytes = await readFile(attachmentFile(config.chatAttachmentsDir, row.id, file.id));
    } catch {
      throw notFound();
    }
    return reply
      .header('content-type', sniffType(bytes) ?? 'application/octet-stream')
      .header('content-disposition', dispositionHeader(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });
}
