import type { AppContext } from '../../context.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { holidayDatesBetween, insertException } from './agendas.repo.js';
import { argentineHolidays } from './holidays.rules.js';

/** Blocks the whole center on each national holiday of the year; loading twice adds nothing. */
export async function loadNationalHolidays(ctx: AppContext, input: { actor: Actor; year: number }) {
  requireStaff(input.actor, ['admin']);
  const holidays = argentineHolidays(input.year);
  return ctx.database.db.transaction().execute(async (trx) => {
    const present = await holidayDatesBetween(trx, `${input.year}-01-01`, `${input.year}-12-31`);
    let added = 0;
    for (const h of holidays) {
      if (present.has(h.date)) continue;
      present.add(h.date);
      await insertException(trx, {
        professionalId: null,
        fromDate: h.date,
        toDate: h.date,
        fromTime: null,
        toTime: null,
        kind: 'holiday',
        reason: h.name,
      });
      added++;
    }
    return { added, skipped: holidays.length - added, holidays };
  });
}
