/** `GET /v1/config`: public, and shaped as the Config schema says. */
import { type RuleGroup } from '../context.js';
import { expectJson, send } from '../http.js';

export const config: RuleGroup = {
  name: 'config',
  title: 'Public configuration',
  rules: [
    {
      id: 'config.public',
      title: 'GET /v1/config answers 200 application/json without a token',
      async run(ctx) {
        ctx.step('GET /v1/config without a token');
        expectJson(await send(ctx, 'GET', '/v1/config'), 200);
      },
    },
    {
      id: 'config.shape',
      title: 'GET /v1/config matches the Config schema (municipality, openingHours, languages, defaultLanguage, widgets)',
      async run(ctx) {
        ctx.step('GET /v1/config');
        expectJson(await send(ctx, 'GET', '/v1/config'), 200, 'Config');
      },
    },
  ],
};
