import type { AppContext } from '../../context.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { findOrphans, saveChange } from './agenda-orphans.service.js';
import { holidayDatesBetween, insertExceptions } from './agendas.repo.js';
import { argentineHolidays } from './holidays.rules.js';

/**
 * Blocks the whole center on each national holiday of the year; loading twice adds nothing. Turnos already
 * booked on a holiday being added are listed first, as for any exception, and kept when confirmed.
 */
export async function loadNationalHolidays(
  ctx: AppContext,
  input: { actor: Actor; year: number; confirmOrphans?: boolean | undefined },
) {
  const actor = requireStaff(input.actor, ['admin']);
  const holidays = argentineHolidays(input.year);
  const saved = await saveChange(
    ctx,
    {
      actor,
      confirmOrphans: input.confirmOrphans === true,
      what: `feriados:${input.year}`,
      lockProfessionalIds: 'all',
    },
    async (p) => {
      const present = await holidayDatesBetween(p.db, `${input.year}-01-01`, `${input.year}-12-31`);
      const missing = holidays
        .filter((h) => !present.has(h.date))
        .map((h) => ({
          professionalId: null,
          fromDate: h.date,
          toDate: h.date,
          fromTime: null,
          toTime: null,
          kind: 'holiday' as const,
          reason: h.name,
        }));
      const orphans =
        missing.length === 0
          ? []
          : await findOrphans(
              p,
              { professionalIds: null, fromDate: `${input.year}-01-01`, toDate: `${input.year}-12-31` },
              (_id, current) => ({ blocks: current.blocks, exceptions: [...current.exceptions, ...missing] }),
            );
      const apply = async () => {
        await insertExceptions(p.db, missing);
        return missing.length;
      };
      return { orphans, apply };
    },
  );
  return { added: saved.result, skipped: holidays.length - saved.result, holidays, orphaned: saved.orphaned };
}
