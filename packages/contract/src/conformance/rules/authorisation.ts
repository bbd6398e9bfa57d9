/** Authorisation: roles, and the isolation of one citizen's data from everyone else. */
import { check, fail, precondition, type RuleGroup } from '../context.js';
import { describe, expectJson, expectProblem, send } from '../http.js';
import { actor, createNotification, findByTitle, input, postNotification, type NotificationDoc } from '../notifications.js';

export const authorisation: RuleGroup = {
  name: 'authorisation',
  title: 'Authorisation',
  rules: [
    {
      id: 'authorisation.citizen-on-caseworker-route',
      title: 'a citizen calling a caseworker route → 403 forbidden, nothing created',
      needs: ['citizen'],
      async run(ctx) {
        const citizen = actor(ctx.suite, 'citizen');
        const body = input(ctx.suite, 'citizen tries a caseworker route');
        ctx.step(`POST /v1/citizens/${citizen.id}/notifications as the citizen`);
        expectProblem(await postNotification(ctx, body, { as: citizen }), 403, 'forbidden');
        const found = await findByTitle(ctx, citizen, body.title, 1);
        check(found.length === 0, 'the forbidden request created a notification');
      },
    },
    {
      id: 'authorisation.other-citizens-notification',
      title: 'another citizen\'s notification → 404 not-found for GET and POST …/read, and the attempt changes nothing',
      needs: ['citizen', 'otherCitizen', 'caseworker'],
      async run(ctx) {
        const citizen = actor(ctx.suite, 'citizen');
        const other = actor(ctx.suite, 'otherCitizen');
        const created = await precondition('create a notification for the citizen', () => createNotification(ctx, 'isolation'));
        const path = `/v1/notifications/${encodeURIComponent(created.id)}`;
        ctx.step(`GET ${path} as the other citizen`);
        expectProblem(await send(ctx, 'GET', path, { as: other }), 404, 'not-found');
        ctx.step(`POST ${path}/read as the other citizen`);
        expectProblem(await send(ctx, 'POST', `${path}/read`, { as: other }), 404, 'not-found');
        ctx.step('the other citizen\'s list');
        const leaked = await findByTitle(ctx, other, created.title, 1);
        check(leaked.length === 0, 'the citizen\'s notification is in the other citizen\'s GET /v1/notifications');
        ctx.step(`GET ${path} as the citizen`);
        const after = expectJson(await send(ctx, 'GET', path, { as: citizen }), 200, 'Notification') as NotificationDoc;
        if (after.readAt !== null) fail(`the other citizen's POST …/read marked the citizen's notification read (readAt ${after.readAt})`);
      },
    },
    {
      id: 'authorisation.unassigned-citizen',
      title: 'a caseworker creating a notification for a citizen not assigned to them → 404 not-found, nothing created',
      needs: ['caseworker'],
      async run(ctx) {
        const unknown = `conformance-nobody-${ctx.suite.runId}`;
        ctx.step(`POST /v1/citizens/${unknown}/notifications (no such citizen)`);
        expectProblem(await postNotification(ctx, input(ctx.suite, 'unknown citizen'), { citizenId: unknown }), 404, 'not-found');
        const other = ctx.suite.otherCitizen;
        if (other === undefined) {
          ctx.note('no other citizen: only an unknown citizen id was tried');
          return;
        }
        // The contract has no route that says who is assigned to whom: the other citizen may well be assigned.
        if (ctx.suite.otherCitizenAssigned === true) {
          ctx.note(`every other demo citizen is assigned to ${actor(ctx.suite, 'caseworker').id}, so only an unknown citizen id was tried`);
          return;
        }
        const body = input(ctx.suite, 'other citizen, maybe unassigned');
        ctx.step(`POST /v1/citizens/${other.id}/notifications (the other citizen)`);
        const res = await postNotification(ctx, body, { citizenId: other.id });
        if (res.status === 201 && ctx.suite.otherCitizenAssigned === undefined) {
          ctx.note(`the other citizen ${other.id} is assigned to the caseworker, so only an unknown citizen id was tried`);
          return;
        }
        if (ctx.suite.otherCitizenAssigned === undefined && res.status !== 404) fail(`expected 404 not-found (unassigned) or 201 (assigned), got ${describe(res)}`);
        expectProblem(res, 404, 'not-found');
        const found = await findByTitle(ctx, other, body.title, 1);
        check(found.length === 0, 'the 404 request created a notification for the other citizen');
      },
    },
  ],
};
