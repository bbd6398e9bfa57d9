// The citizen's chat calls that are not the conversation transport: status, opening hours, starting, closing,
// rating, transcript and attachments. Messages and the stream go through `ChatConnection`.
import { ApiClient, ApiError } from '@jobunivers/core';
import type {
  ChatAttachment, ChatStatus, Config, Conversation, ConversationCreate, ConversationSession, OpeningHours,
} from '@jobunivers/contract';

export class ChatApi {
  readonly client: ApiClient;
  readonly #token: () => string | undefined;
  readonly #language: () => string;

  constructor(baseUrl: string, token: () => string | undefined, language: () => string, onAuthRequired?: (error: ApiError) => Promise<string | undefined>) {
    this.#token = token;
    this.#language = language;
    this.client = new ApiClient({ baseUrl, token, language, onAuthRequired });
  }

  get base(): URL {
    return this.client.baseUrl;
  }

  async status(): Promise<ChatStatus> {
    return (await this.client.get<ChatStatus>('v1/chat/status')).data;
  }

  /** The job centre's opening hours, or `undefined` when the config cannot be read (the chat still works). */
  async openingHours(): Promise<OpeningHours | undefined> {
    try {
      return (await this.client.get<Config>('v1/config')).data.openingHours;
    } catch {
      return undefined;
    }
  }

  async create(body: ConversationCreate, idempotencyKey: string): Promise<ConversationSession> {
    return (await this.client.request<ConversationSession>('v1/chat/conversations', { method: 'POST', body, idempotencyKey })).data;
  }

  /** A signed-in citizen's queued or active conversation, if any. */
  async current(): Promise<Conversation | undefined> {
    try {
      return (await this.client.get<Conversation>('v1/chat/conversations/current')).data;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async conversation(id: string): Promise<Conversation> {
    return (await this.client.get<Conversation>(path(id))).data;
  }

  async close(id: string): Promise<Conversation> {
    return (await this.client.request<Conversation>(path(id, 'close'), { method: 'POST', idempotencyKey: true })).data;
  }

  async rate(id: string, score: number, comment: string): Promise<Conversation> {
    const body = comment.trim() === '' ? { score } : { score, comment: comment.trim() };
    return (await this.client.request<Conversation>(path(id, 'rating'), { method: 'PUT', body })).data;
  }

  async transcript(id: string): Promise<Blob> {
    return (await this.client.request<Blob>(path(id, 'transcript'), { responseType: 'blob' })).data;
  }

  async attachment(id: string, attachmentId: string): Promise<Blob> {
    return (await this.client.request<Blob>(path(id, `attachments/${encodeURIComponent(attachmentId)}`), { responseType: 'blob' })).data;
  }

  /** Uploads a file as the request body (its type as `Content-Type`, its name in `Content-Disposition`). */
  async upload(id: string, file: File): Promise<ChatAttachment> {
    if (!navigator.onLine) throw new ApiError('offline', 0, 'The device is offline.');
    const headers = new Headers({
      Accept: 'application/json',
      'Content-Type': file.type || 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Accept-Language': this.#language(),
    });
    const token = this.#token();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await fetch(this.client.url(path(id, 'attachments')), { method: 'POST', headers, body: file, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError('network', 0, 'The server could not be reached.');
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { code?: unknown };
      const code = typeof problem.code === 'string' ? problem.code : `http-${String(response.status)}`;
      throw new ApiError(code, response.status, code);
    }
    return (await response.json()) as ChatAttachment;
  }
}

function path(id: string, rest?: string): string {
  return `v1/chat/conversations/${encodeURIComponent(id)}${rest === undefined ? '' : `/${rest}`}`;
}

/** Saves a blob as a file without navigating away (the download needs the bearer token, so no plain link). */
export function saveBlob(blob: Blob, name: string, where: Node): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  (where.getRootNode() instanceof ShadowRoot ? (where.getRootNode() as ShadowRoot) : document.body).append(link);
  link.click();
  link.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
}
