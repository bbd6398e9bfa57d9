// `@jobunivers/joblog/model`: the joblog's data and pure logic, without any DOM — for the widget, the viewer, the
// server's tests and vendors who read or write joblogs.
export * from './entry.js';
export type * from './message.js';
export * from './weeks.js';
export * from './status.js';
export * from './requirement.js';
export * from './reminders.js';
export * from './text.js';
export * from './duplicates.js';
export * from './query.js';
export * from './validate.js';
export * from './insights.js';
export * from './csv.js';
