// Writes the demo catalogue (specialties, studies, insurers, professionals with their agendas and exceptions).
import type { Transaction } from 'kysely';
import type { AgendaBlock } from '../modules/scheduling/slots.rules.js';
import type { DB, NewAgenda } from '../platform/db/schema.js';
import { timeToMinutes } from '../platform/time/zone.js';
import { demoInsurers, demoSpecialties, demoStudies, type PatientFit } from './demo-data.js';
import type { DemoException } from './demo-exceptions.js';
import { type DemoProfessional, demoProfessionals } from './demo-professionals.js';

export interface Catalog {
  specialtyIds: Map<string, number>;
  studyIds: Map<string, number>;
  /** Insurer name -> id and whether patients of it can book on the web. */
  insurers: Map<string, { id: number; webEnabled: boolean }>;
  studyFits: Map<number, PatientFit>;
}

export interface LoadedProfessional {
  id: number;
  data: DemoProfessional;
  firstSpecialtyId: number;
  blocks: AgendaBlock[];
}

/**
 * The demo data is hand-written: a typo in a name or two blocks that overlap would only show up
 * as a foreign-key error or an overlap abort deep in the load, so they are caught here first.
 */
export function checkDemoData(professionals: readonly DemoProfessional[] = demoProfessionals) {
  const specialties = new Set(demoSpecialties.map((s) => s.name));
  const studies = new Set(demoStudies.map((s) => s.name));
  const problems: string[] = [];
  const lastNames = new Set<string>();
  for (const p of professionals) {
    const who = `${p.lastName} ${p.firstName}`;
    if (lastNames.has(p.lastName)) problems.push(`apellido repetido: ${p.lastName}`);
    lastNames.add(p.lastName);
    if (p.specialties.length === 0) problems.push(`${who} no tiene especialidad`);
    for (const s of p.specialties) if (!specialties.has(s)) problems.push(`${who}: especialidad ${s} desconocida`);
    for (const s of p.studies) if (!studies.has(s)) problems.push(`${who}: estudio ${s} desconocido`);
    const windows: Array<{ weekday: number; from: number; to: number }> = [];
    for (const b of p.agenda) {
      if (b.specialty !== undefined && !p.specialties.includes(b.specialty)) {
        problems.push(`${who}: bloque de ${b.specialty}, que no es su especialidad`);
      }
      if (b.study !== undefined && !p.studies.includes(b.study)) {
        problems.push(`${who}: bloque de ${b.study}, que no es uno de sus estudios`);
      }
      for (const weekday of b.weekdays) {
        const w = { weekday, from: timeToMinutes(b.start), to: timeToMinutes(b.end) };
        if (windows.some((o) => o.weekday === weekday && o.from < w.to && o.to > w.from)) {
          problems.push(`${who}: bloques superpuestos el día ${weekday} (${b.start}–${b.end})`);
        }
        windows.push(w);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Datos de demostración inválidos: ${problems.join('; ')}`);
}

export async function insertCatalog(trx: Transaction<DB>): Promise<Catalog> {
  const specialties = await trx
    .insertInto('specialties')
    .values(demoSpecialties.map((s) => ({ name: s.name, webName: s.webName })))
    .returning(['id', 'name'])
    .execute();
  const studies = await trx
    .insertInto('studies')
    .values(demoStudies.map((s) => ({ name: s.name, indication: s.indication })))
    .returning(['id', 'name'])
    .execute();
  const insurers = await trx
    .insertInto('insurers')
    .values(
      demoInsurers.map((i) => ({
        name: i.name,
        webName: i.webName,
        webEnabled: i.webEnabled,
        selfPay: i.selfPay,
        generalMessage: i.generalMessage,
        bookingMessage: i.bookingMessage,
      })),
    )
    .returning(['id', 'name', 'webEnabled'])
    .execute();

  const studyIds = new Map(studies.map((s) => [s.name, s.id]));
  const studyFits = new Map<number, PatientFit>();
  for (const s of demoStudies) if (s.fit) studyFits.set(studyIds.get(s.name) as number, s.fit);
  return {
    specialtyIds: new Map(specialties.map((s) => [s.name, s.id])),
    studyIds,
    insurers: new Map(insurers.map((i) => [i.name, { id: i.id, webEnabled: i.webEnabled === 1 }])),
    studyFits,
  };
}

export async function insertProfessionals(
  trx: Transaction<DB>,
  catalog: Catalog,
  validFrom: string,
): Promise<LoadedProfessional[]> {
  const rows = await trx
    .insertInto('professionals')
    .values(
      demoProfessionals.map((p) => ({
        lastName: p.lastName,
        firstName: p.firstName,
        licenceNumber: p.licenceNumber,
        webEnabled: p.webEnabled,
        generalMessage: p.generalMessage,
        bookingMessage: p.bookingMessage,
        maxDaysAhead: p.maxDaysAhead,
      })),
    )
    .returning(['id', 'lastName'])
    .execute();
  const ids = new Map(rows.map((r) => [r.lastName, r.id]));
  const specialtyId = (name: string) => catalog.specialtyIds.get(name) as number;
  const studyId = (name: string) => catalog.studyIds.get(name) as number;

  const loaded = demoProfessionals.map((data) => {
    const blocks: AgendaBlock[] = data.agenda.flatMap((b) =>
      b.weekdays.map((weekday) => ({
        weekday,
        startTime: b.start,
        endTime: b.end,
        slotMinutes: b.slotMinutes,
        specialtyId: b.specialty === undefined ? null : specialtyId(b.specialty),
        studyId: b.study === undefined ? null : studyId(b.study),
        validFrom,
        validTo: null,
      })),
    );
    const id = ids.get(data.lastName) as number;
    return { id, data, firstSpecialtyId: specialtyId(data.specialties[0] as string), blocks };
  });

  const links = loaded.flatMap((p) =>
    p.data.specialties.map((s) => ({ professionalId: p.id, specialtyId: specialtyId(s) })),
  );
  await trx.insertInto('professionalSpecialties').values(links).execute();
  const performs = loaded.flatMap((p) => p.data.studies.map((s) => ({ professionalId: p.id, studyId: studyId(s) })));
  await trx.insertInto('professionalStudies').values(performs).execute();
  const agendas: NewAgenda[] = loaded.flatMap((p) => p.blocks.map((b) => ({ ...b, professionalId: p.id })));
  await trx.insertInto('agendas').values(agendas).execute();
  return loaded;
}

export async function insertExceptions(
  trx: Transaction<DB>,
  professionals: readonly LoadedProfessional[],
  exceptions: readonly DemoException[],
) {
  const idOf = (lastName: string) => {
    const found = professionals.find((p) => p.data.lastName === lastName);
    if (!found) throw new Error(`Excepción de demostración para un profesional inexistente: ${lastName}`);
    return found.id;
  };
  await trx
    .insertInto('scheduleExceptions')
    .values(
      exceptions.map((e) => ({
        professionalId: idOf(e.professional),
        fromDate: e.fromDate,
        toDate: e.toDate,
        fromTime: e.fromTime,
        toTime: e.toTime,
        kind: e.kind,
        reason: e.reason,
      })),
    )
    .execute();
}
