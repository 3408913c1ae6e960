// What can go wrong with the patient token and printed series.
import type { ErrorDef } from '../../errors.js';

export const tokenErrors = {} satisfies Record<string, ErrorDef>;
