// Handlers for the app session: info, demo municipality, the user's display name.
import path from 'node:path';
import { writeSetting } from '../../writes/settings.ts';
import { DEMO_MUNICIPALITY } from '../../demo/seedDemo.ts';
import { classifyPath, currentMounts } from '../../backup/storage.ts';
import type { AppInfo } from '../app.contract.ts';
import type { ApiContext, Handlers } from '../handle.ts';

type AppHandlers = Pick<Handlers, 'app.info' | 'app.openDemo' | 'app.closeDemo' | 'app.setDisplayName'>;

function info(ctx: ApiContext): AppInfo {
  return {
    version: ctx.appVersion,
    mode: ctx.session.mode,
    databaseName: ctx.session.mode === 'demo' ? DEMO_MUNICIPALITY : path.basename(ctx.session.db.file),
    displayName: ctx.actor.displayName,
    osUser: ctx.actor.osUser,
    storageWarning: ctx.session.mode === 'demo' ? null : classifyPath(ctx.session.db.file, currentMounts()).warning,
    databaseProblem: ctx.session.databaseProblem,
  };
}

export const appHandlers: AppHandlers = {
  'app.info': (ctx) => info(ctx),
  'app.openDemo': (ctx) => {
    ctx.session.openDemo();
    return info(ctx);
  },
  'app.closeDemo': (ctx) => {
    ctx.session.openOwn();
    return info(ctx);
  },
  'app.setDisplayName': (ctx, { displayName }) => {
    writeSetting(ctx.session.db.orm, 'displayName', displayName, ctx.actor.osUser);
    ctx.actor.displayName = displayName;
    return info(ctx);
  },
};
