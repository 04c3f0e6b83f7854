// Handlers for encryption at rest; the desktop shell supplies safeStorage through ctx.encryption.
import { enableEncryption, encryptionStatus } from '../../crypto/encryptionService.ts';
import type { Handlers } from '../handle.ts';

type SecurityHandlers = Pick<Handlers, 'security.encryptionStatus' | 'security.enableEncryption'>;

export const securityHandlers: SecurityHandlers = {
  'security.encryptionStatus': (ctx) => encryptionStatus(ctx.session, ctx.encryption),
  'security.enableEncryption': (ctx) => enableEncryption(ctx.session, ctx.encryption),
};
