// What can go wrong with verifying a token and recording the conformity.
import type { ErrorDef } from '../../errors.js';

export const verifyErrors = {} satisfies Record<string, ErrorDef>;
