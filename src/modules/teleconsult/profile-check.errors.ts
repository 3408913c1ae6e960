// What can go wrong with "Actualizá tus datos" and the credential.
import type { ErrorDef } from '../../errors.js';

export const profileCheckErrors = {} satisfies Record<string, ErrorDef>;
