// What the invoice tests share: a small center with a portal patient, invoices issued straight through the
// service, and the text of a PDF as poppler's pdftotext reads it (what a person sees printed).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { Patient } from '../../platform/db/schema.js';
import type { StaffActor } from '../staff/actor.js';
import type { LineCents } from './invoice.rules.js';
import { createInvoice } from './invoices.service.js';

const run = promisify(execFile);

/** The PDF's text laid out as on the page (`pdftotext -layout`), spaces collapsed. */
export async function pdfText(bytes: Buffer | string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-invoice-'));
  try {
    const file = path.join(dir, 'factura.pdf');
    fs.writeFileSync(file, bytes);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    return stdout.replace(/[ \t]+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const staffActor: StaffActor = {
  kind: 'staff',
  ref: 'usuario:999',
  name: 'Recepción de prueba',
  role: 'reception',
  professionalId: null,
  ip: '127.0.0.1',
};

export interface InvoiceCenter {
  seed: Awaited<ReturnType<typeof seedCenter>>;
  /** Portal enabled, insurer OSDE, member number 12345/01. */
  ana: Patient;
  /** Portal enabled, no insurer. */
  beto: Patient;
}

export async function invoiceCenter(t: TestApp): Promise<InvoiceCenter> {
  const db = t.ctx.database.db;
  const seed = await seedCenter(db);
  const ana = await insertPatient(db, { dni: '30111222', lastName: 'GARCÍA', insurerId: seed.osde.id });
  const beto = await insertPatient(db, { dni: '30333444', lastName: 'BETO' });
  await db
    .updateTable('patients')
    .set({ portalEnabled: 1, firstName: 'Ana', memberNumber: '12345/01' })
    .where('id', '=', ana.id)
    .execute();
  await db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', beto.id).execute();
  await db
    .updateTable('centerSettings')
    .set({ name: 'Centro Médico Sur', address: 'Av. Siempreviva 742, CABA', phones: '011 4444-5555' })
    .execute();
  return {
    seed,
    ana: { ...ana, firstName: 'Ana', memberNumber: '12345/01', portalEnabled: 1 },
    beto: { ...beto, portalEnabled: 1 },
  };
}

export const consultation = (l: Partial<LineCents> = {}): LineCents => ({
  concept: 'Consulta Cardiología',
  quantity: 1,
  unitCents: 1234_56,
  insurerCents: 0,
  ...l,
});

/** An invoice issued through the service, as reception would. */
export function issue(t: TestApp, patientId: number, more: Partial<Parameters<typeof createInvoice>[1]> = {}) {
  return createInvoice(t.ctx, { actor: staffActor, patientId, lines: [consultation()], insurerId: null, ...more });
}

/** The number the next invoice will take. */
export async function nextNumber(t: TestApp): Promise<number> {
  const row = await t.ctx.database.db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'invoice_number')
    .executeTakeFirstOrThrow();
  return Number(row.value) + 1;
}
