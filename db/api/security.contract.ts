// Contract for encryption at rest (opt-in): its status, and turning it on for the own database.
import { z } from 'zod';
import { fileOperation, read } from './define.ts';
import { noInput } from './fields.ts';

export interface EncryptionStatusInfo {
  encrypted: boolean;
  available: boolean;
  reason: string;
}

export const securityContract = {
  'security.encryptionStatus': read<EncryptionStatusInfo>()(noInput),
  /** Returns the recovery code once; the user must have confirmed they will keep it. */
  'security.enableEncryption': fileOperation<{ recoveryCode: string }>()(
    z.strictObject({ recoveryCodeWillBeKept: z.literal(true, { error: 'Bekräfta att du sparar återställningskoden.' }) }),
  ),
};
