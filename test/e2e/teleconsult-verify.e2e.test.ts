// A professional's teleconsultation in a real Chromium against a real server process on the demo center:
// they log in, open their agenda, follow "Validar token" on today's teleconsultation turno, type the code the
// patient's token shows now, see the conformity, and find it marked on the turno with its constancia.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what staff read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { defaultWebConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { tokenOptions } from '../../src/modules/teleconsult/token-options.js';
import { patientTokenSecret } from '../../src/modules/teleconsult/token-secret.js';
import { createDb, type Database } from '../../src/platform/db/database.js';
import { parseDatabaseUrl } from '../../src/platform/db/dialect.js';
import { totp } from '../../src/platform/otp/otp.js';
import { systemClock } from '../../src/platform/time/clock.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { insertStaffUser } from '../support/factories.js';
import { TurneroProcess } from '../support/server-process.js';

const USER = 'dra-video';
const PASSWORD = 'clave-profesional-1';

describe('profesional: Validar token de una teleconsulta en Chromium', {
  skip: browserSkip(),
  timeout: 120_000,
}, () => {
  let dir: string;
  let server: TurneroProcess | undefined;
  let database: Database | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let page: Page;
  let ctx: AppContext;
  let patient: { id: number; dni: string; lastName: string };
  let turnoId: number;
  let professionalId: number;

  before(async () => {
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-teleconsulta-'));
    const url = `sqlite:${path.join(dir, 'turnero.db')}`;
    server = new TurneroProcess(['start'], { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url });
    baseUrl = await server.ready();
    database = createDb(parseDatabaseUrl(url), { poolSize: 1 });
    const db = database.db;
    ctx = { database, clock: systemClock, web: defaultWebConfig, files: undefined as never };
    const pro = await db.selectFrom('professionals').select('id').orderBy('id').executeTakeFirstOrThrow();
    professionalId = pro.id;
    await insertStaffUser(db, { username: USER, role: 'professional', password: PASSWORD, professionalId });
    patient = await db.selectFrom('patients').select(['id', 'dni', 'lastName']).orderBy('id').executeTakeFirstOrThrow();
    // A sobreturno in a few minutes: always today and never in the way of the demo's own turnos.
    const start = Date.now() + 5 * 60_000;
    const now = new Date().toISOString();
    const row = await db
      .insertInto('appointments')
      .values({
        patientId: patient.id,
        professionalId,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 20 * 60_000).toISOString(),
        status: 'reserved',
        origin: 'staff',
        typeLabel: 'NORMAL',
        reason: '',
        bookedAt: now,
        bookedIp: null,
        bookedBy: 'test',
        overbook: 1,
        updatedAt: now,
        teleconsult: 1,
        videoUrl: 'https://meet.jit.si/turnero-prueba',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    turnoId = row.id;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-AR' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await database?.close();
    await server?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('valida el código en el turno y el turno muestra la conformidad', async () => {
    await page.goto(`${baseUrl}/staff/ingresar`);
    await page.locator('input[name=login]').fill(USER);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.goto(`${baseUrl}/staff/turnos`);
    const row = page.locator(`#turno-${turnoId}`);
    assert.match(await row.innerText(), /Teleconsulta/);
    await row.getByRole('link', { name: /Validar token/ }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Validar token');
    assert.equal(await page.locator('select[name=turno]').inputValue(), String(turnoId));

    const settings = await database?.db.selectFrom('centerSettings').selectAll().executeTakeFirstOrThrow();
    assert.ok(settings);
    const code = totp(await patientTokenSecret(ctx, patient.id), Date.now(), tokenOptions(settings));
    await page.getByLabel('Código').fill(code);
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    const panel = page.getByRole('status').filter({ hasText: 'Conformidad registrada' });
    assert.match(await panel.innerText(), new RegExp(`DNI ${patient.dni}`));
    assert.match(await panel.innerText(), /Token dinámico/);
    const pdf = await page.request.get(
      `${baseUrl}${await panel.getByRole('link', { name: 'Imprimir constancia' }).getAttribute('href')}`,
    );
    assert.equal(pdf.headers()['content-type'], 'application/pdf');

    await page.goto(`${baseUrl}/staff/turnos`);
    const after = await page.locator(`#turno-${turnoId}`).innerText();
    assert.match(after, /Conformidad registrada \d\d:\d\d/);
    assert.match(after, /presente/i);
    assert.doesNotMatch(after, /Validar token/);
  });
});
