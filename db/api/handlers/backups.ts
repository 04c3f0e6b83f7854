// Handlers for backups: thin over db/backup/service.ts, turning its errors into AppErrors.
import { BackupError, type ListedBackup } from '../../backup/backup.ts';
import { DatabaseOpenError } from '../../open.ts';
import type { BackupService } from '../../backup/service.ts';
import type { BackupRow } from '../backups.contract.ts';
import { AppError } from '../../errors.ts';
import type { ApiContext, Handlers } from '../handle.ts';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.preview' | 'backups.restore' | 'backups.undoRestore'>;

function service(ctx: ApiContext): BackupService {
  if (!ctx.backups) throw new AppError('internal', 'Säkerhetskopiering är inte tillgänglig här.');
  return ctx.backups;
}

function demoGuard(ctx: ApiContext): void {
  if (ctx.session.mode !== 'own') {
    throw new AppError('conflict', 'Säkerhetskopior gäller din egen databas. Gå tillbaka till din databas först.');
  }
}

/** Backup and open failures carry Swedish messages written for the user; keep them. */
function run<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof BackupError) throw new AppError('conflict', error.message, error.cause instanceof Error ? error.cause.message : '');
    if (error instanceof DatabaseOpenError) throw new AppError('conflict', `${error.message} Den nuvarande databasen är kvar.`, error.detail);
    throw error;
  }
}

function row(b: ListedBackup): BackupRow {
  return {
    id: b.file,
    createdAt: b.createdAt,
    reason: b.reason,
    sizeBytes: b.sizeBytes,
    sha256: b.sha256,
    status: b.status,
    appVersion: b.appVersion,
    reverified: b.reverified !== undefined,
  };
}

export const backupHandlers: BackupHandlers = {
  'backups.list': (ctx) => {
    const overview = service(ctx).overview();
    return {
      folder: overview.folder.folder,
      folderIsDefault: overview.folder.isDefault,
      backups: overview.backups.map(row),
      undoRestoreAt: overview.undoRestoreAt,
      available: ctx.session.mode === 'own',
      notice: overview.notice,
    };
  },
  'backups.create': (ctx) => {
    demoGuard(ctx);
    return row({ ...run(() => service(ctx).backupNow('manual')), status: 'ok' });
  },
  'backups.preview': (ctx, { id }) => {
    const preview = run(() => service(ctx).preview(id));
    return {
      ...row(preview),
      integrity: preview.integrity,
      counts: preview.counts,
      newerThanApp: preview.newerThanApp,
      restorable: preview.status === 'ok' && preview.integrity === 'ok' && !preview.newerThanApp,
    };
  },
  'backups.restore': (ctx, { id }) => {
    demoGuard(ctx);
    const listed = run(() => service(ctx).preview(id));
    if (listed.newerThanApp) throw new AppError('conflict', 'Säkerhetskopian kommer från en nyare version av Kvalitetsnavet och kan inte öppnas här.');
    run(() => service(ctx).restore(id));
    return { restoredFrom: listed.createdAt };
  },
  'backups.undoRestore': (ctx) => {
    demoGuard(ctx);
    run(() => service(ctx).undoRestore());
    return { undone: true };
  },
};
