// Series impresas: sheets of single-use printed codes for consultations without a phone at hand. The patient
// makes, lists, prints again (while in force) and revokes their own sheets; the codes are stored as a lookup
// hash (what verification searches) and sealed (what a reprint reads back).
import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Patient } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { seal, sealingKey, unseal } from '../../platform/sealed.js';
import { isoUtc, todayIn } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { centerView } from '../center/center.service.js';
import { requirePortalPatient } from '../portal/portal-actor.js';
import type { Actor } from '../staff/actor.js';
import { formatCivilDate, seriesMessages } from './series.messages.js';
import { renderSeriesPdf } from './series.pdf.js';
import * as repo from './token.repo.js';
import {
  defaultValidUntil,
  maxValidUntil,
  printedCodes,
  SERIES_DEFAULT_COUNT,
  SERIES_MAX_COUNT,
  type SeriesState,
  seriesProblems,
  seriesState,
} from './token.rules.js';
import { printedCodeHash } from './token-secret.js';

export interface SeriesView {
  id: number;
  createdAt: string;
  validUntil: string;
  state: SeriesState;
  codeCount: number;
  usedCount: number;
  revokedAt: string | null;
  /** Per printed position: when it was used (null: not yet). */
  codes: { position: number; usedAt: string | null }[];
}

async function today(ctx: AppContext): Promise<string> {
  const { timeZone } = await getSettings(ctx.database.db);
  return todayIn(timeZone, ctx.clock.now());
}

/** What the form offers before anything is typed. */
export async function seriesDefaults(ctx: AppContext, input: { actor: Actor }) {
  await requirePortalPatient(ctx, input.actor);
  const day = await today(ctx);
  return {
    count: SERIES_DEFAULT_COUNT,
    validUntil: defaultValidUntil(day),
    maxCount: SERIES_MAX_COUNT,
    today: day,
    maxValidUntil: maxValidUntil(day),
  };
}

async function viewsOf(ctx: AppContext, rows: Awaited<ReturnType<typeof repo.listSeries>>): Promise<SeriesView[]> {
  const day = await today(ctx);
  const codes = await repo.codesOf(
    ctx.database.db,
    rows.map((r) => r.id),
  );
  return rows.map((s) => {
    const own = codes.filter((c) => c.seriesId === s.id);
    return {
      id: s.id,
      createdAt: s.createdAt,
      validUntil: s.validUntil,
      state: seriesState(s, day),
      codeCount: s.codeCount,
      usedCount: own.filter((c) => c.usedAt !== null).length,
      revokedAt: s.revokedAt,
      codes: own.map((c) => ({ position: c.position, usedAt: c.usedAt })),
    };
  });
}

export async function mySeries(ctx: AppContext, input: { actor: Actor }): Promise<SeriesView[]> {
  const patient = await requirePortalPatient(ctx, input.actor);
  return viewsOf(ctx, await repo.listSeries(ctx.database.db, patient.id));
}

async function ownSeries(ctx: AppContext, patient: Patient, id: number) {
  const row = await repo.getPatientSeries(ctx.database.db, patient.id, id);
  if (!row) throw new AppError('NOT_FOUND', { what: `la serie ${id}` });
  return row;
}

export async function getMySeries(ctx: AppContext, input: { actor: Actor; id: number }): Promise<SeriesView> {
  const patient = await requirePortalPatient(ctx, input.actor);
  const [view] = await viewsOf(ctx, [await ownSeries(ctx, patient, input.id)]);
  return view as SeriesView;
}

/** The first problem of a request, as the error the page or the API shows. */
export class SeriesRefused extends AppError {
  constructor(
    readonly field: 'count' | 'validUntil',
    code: ConstructorParameters<typeof AppError>[0],
    params: ConstructorParameters<typeof AppError>[1],
  ) {
    super(code, params);
  }
}

export async function createSeries(
  ctx: AppContext,
  input: { actor: Actor; count: number; validUntil: string; lang?: Lang },
): Promise<SeriesView> {
  const patient = await requirePortalPatient(ctx, input.actor);
  const day = await today(ctx);
  const [problem] = seriesProblems(input, day);
  if (problem) {
    const lang = input.lang ?? 'es';
    throw new SeriesRefused(problem.field, problem.code, {
      max: problem.code === 'TOKEN_SERIES_COUNT' ? SERIES_MAX_COUNT : formatCivilDate(lang, maxValidUntil(day)),
      today: formatCivilDate(lang, day),
    });
  }
  const key = await sealingKey(ctx);
  const now = isoUtc(ctx.clock.now());
  const db = ctx.database.db;
  // A code the patient already has on another sheet would name two rows: such a draw (about one in ten
  // billion per pair) is made again. Hashes are made before the transaction, which holds the only connection
  // on SQLite.
  for (let attempt = 0; attempt < 5; attempt++) {
    const codes = await Promise.all(
      printedCodes(input.count, crypto.randomInt).map(async (code) => ({
        code,
        hash: await printedCodeHash(ctx, patient.id, code),
      })),
    );
    const created = await db.transaction().execute(async (trx) => {
      const taken = await repo.takenHashes(
        trx,
        patient.id,
        codes.map((c) => c.hash),
      );
      if (taken.size > 0) return null;
      const series = await repo.insertSeries(trx, {
        patientId: patient.id,
        codeCount: input.count,
        validUntil: input.validUntil,
        createdAt: now,
      });
      await repo.insertSeriesCodes(
        trx,
        codes.map((c, i) => ({
          seriesId: series.id,
          position: i + 1,
          codeHash: c.hash,
          codeSealed: seal(key, c.code),
        })),
      );
      return series;
    });
    if (created) {
      const [view] = await viewsOf(ctx, [created]);
      return view as SeriesView;
    }
  }
  throw new Error('could not draw printed codes the patient does not already have');
}

/** "Revocar": every code of the sheet stops working at once (a lost sheet). Revoking twice changes nothing. */
export async function revokeMySeries(ctx: AppContext, input: { actor: Actor; id: number }): Promise<SeriesView> {
  const patient = await requirePortalPatient(ctx, input.actor);
  await ownSeries(ctx, patient, input.id);
  await repo.revokeSeries(ctx.database.db, input.id, patient.id, isoUtc(ctx.clock.now()));
  return getMySeries(ctx, input);
}

/** The sheet to print: only while in force (a revoked or expired sheet must not circulate again). */
export async function mySeriesPdf(ctx: AppContext, input: { actor: Actor; id: number; lang: Lang }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const row = await ownSeries(ctx, patient, input.id);
  const settings = await getSettings(ctx.database.db);
  const state = seriesState(row, todayIn(settings.timeZone, ctx.clock.now()));
  if (state !== 'active') {
    throw new AppError('TOKEN_SERIES_CLOSED', { state: seriesMessages(input.lang)(`state_${state}`).toLowerCase() });
  }
  const key = await sealingKey(ctx);
  const codes = (await repo.codesOf(ctx.database.db, [row.id])).map((c) => ({
    position: c.position,
    code: unseal(key, c.codeSealed),
    usedAt: c.usedAt,
  }));
  const bytes = await renderSeriesPdf(
    { center: centerView(settings), patient, series: row, codes, atMs: ctx.clock.now() },
    input.lang,
  );
  return { bytes, fileName: `serie-de-codigos-${row.id}.pdf` };
}
