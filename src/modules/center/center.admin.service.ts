// The center's configuration. Pages, mails and every booking read the same row: changes apply at once.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isoUtc, isValidTimeZone } from '../../platform/time/zone.js';
import { defined, flagOf } from '../catalog/catalog.admin.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { rescaleUsedSteps } from '../teleconsult/token-secret.repo.js';
import type { CenterChanges } from './center.admin.schemas.js';
import { getSettings, updateSettings } from './center.repo.js';
import { type CenterView, centerView } from './center.service.js';

/** Only the fields given change; the answer is the whole configuration, as GET /center shows it. */
export async function updateCenter(
  ctx: AppContext,
  input: { actor: Actor; changes: CenterChanges },
): Promise<CenterView> {
  requireStaff(input.actor, ['admin']);
  const { webBookingEnabled, reasonRequired, profileCheckEnabled, ...rest } = input.changes;
  // An unknown zone would break every date the center shows, whoever calls this.
  if (rest.timeZone !== undefined && !isValidTimeZone(rest.timeZone)) {
    throw new AppError('VALIDATION_ERROR', { detail: `«timeZone» no es una zona horaria válida: ${rest.timeZone}` });
  }
  const db = ctx.database.db;
  const now = isoUtc(ctx.clock.now());
  const before = await getSettings(db);
  // Turning the check on (again) moves its date: every portal patient confirmed before it is asked again.
  const switchedOn = profileCheckEnabled === true && before.profileCheckEnabled !== 1;
  const changes = defined({
    ...rest,
    webBookingEnabled: flagOf(webBookingEnabled),
    reasonRequired: flagOf(reasonRequired),
    profileCheckEnabled: flagOf(profileCheckEnabled),
    profileCheckEnabledAt: switchedOn ? now : undefined,
  });
  if (Object.keys(changes).length > 0) {
    const step = rest.tokenStepSeconds;
    await db.transaction().execute(async (trx) => {
      await updateSettings(trx, { ...changes, updatedAt: now });
      // Without this, codes of the new step would read as older than the last one used, for years.
      if (step !== undefined && step !== before.tokenStepSeconds) {
        await rescaleUsedSteps(trx, before.tokenStepSeconds, step);
      }
    });
  }
  return centerView(await getSettings(db));
}
