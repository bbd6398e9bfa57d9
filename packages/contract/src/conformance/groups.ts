/** Every rule group, in the order the suite runs them. */
import type { RuleGroup } from './context.js';
import { auth } from './rules/auth.js';
import { booking } from './rules/booking.js';
import { bookingDesk } from './rules/booking-desk.js';
import { chat } from './rules/chat.js';
import { chatConsole } from './rules/chat-console.js';
import { authorisation } from './rules/authorisation.js';
import { config } from './rules/config.js';
import { cv } from './rules/cv.js';
import { errors } from './rules/errors.js';
import { etag } from './rules/etag.js';
import { idempotency } from './rules/idempotency.js';
import { joblog } from './rules/joblog.js';
import { notifications } from './rules/notifications.js';
import { pagination } from './rules/pagination.js';
import { rateLimit } from './rules/rate-limit.js';
import { setup } from './rules/setup.js';
import { sse } from './rules/sse.js';
import { video } from './rules/video.js';

export const groups: readonly RuleGroup[] = [setup, config, errors, auth, authorisation, etag, notifications, idempotency, pagination, sse, booking, bookingDesk, chat, chatConsole, video, cv, joblog, rateLimit];
