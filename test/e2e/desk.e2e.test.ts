// The reception's day in a real Chromium against a real server process on the demo center: a receptionist
// created with the command line logs in, opens the Pantalla de turnos for a demo professional, gives a free
// slot of today to a patient found by DNI, marks them present. Screenshots of the desk, its printed list and
// the Tablero are saved under test-results/screenshots for a person to look at.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what staff read.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createDb, type Database } from '../../src/platform/db/database.js';
import { parseDatabaseUrl } from '../../src/platform/db/dialect.js';
import { isoWeekday, minutesToTime, utcToCivil } from '../../src/platform/time/zone.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { ROOT, TurneroProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const USER = 'mostrador';
const PASSWORD = 'clave-recepcion-1';
const ZONE = 'America/Argentina/Buenos_Aires';
const REASON = 'Control con análisis recientes';

/** `bin/turnero user create` as an operator runs it, the password piped on standard input. */
function createUser(databaseUrl: string) {
  return new Promise<string>((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(
      process.execPath,
      ['bin/turnero', 'user', 'create', '--username', USER, '--name', 'Rita Recepción', '--role', 'reception'],
      { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`user create: ${code}\n${output}`))));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

/**
 * The demo's agendas may be over for today when the suite runs: a short block from a quarter of an hour
 * from now gives the receptionist free slots today, the only day a turno can be both given and attended.
 */
async function openTodayFor(db: Database, lastName: string): Promise<boolean> {
  const now = utcToCivil(ZONE, Date.now());
  const start = Math.ceil((now.minutes + 15) / 10) * 10;
  const end = Math.min(start + 60, 23 * 60 + 50);
  if (end - start < 20) return false;
  const pro = await db.db
    .selectFrom('professionals')
    .select('id')
    .where('lastName', '=', lastName)
    .executeTakeFirstOrThrow();
  await db.db
    .insertInto('agendas')
    .values({
      professionalId: pro.id,
      weekday: isoWeekday(now.date),
      startTime: minutesToTime(start),
      endTime: minutesToTime(end),
      slotMinutes: 10,
      specialtyId: null,
      studyId: null,
      validFrom: now.date,
      validTo: now.date,
    })
    .execute();
  return true;
}

/** A full-page screenshot, after checking nothing sticks out sideways at a desk's 1280 px. */
async function shot(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: la página se sale ${overflow}px a los lados`);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('recepción: Pantalla de turnos y Tablero en Chromium', { skip: browserSkip(), timeout: 120_000 }, () => {
  let dir: string;
  let server: TurneroProcess | undefined;
  let database: Database | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let page: Page;
  let patient: { dni: string; lastName: string };
  let slotsToday = false;

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-desk-'));
    const url = `sqlite:${path.join(dir, 'turnero.db')}`;
    server = new TurneroProcess(['start'], { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url });
    baseUrl = await server.ready();
    assert.match(await createUser(url), /Usuario mostrador \(reception\) creado/);
    database = createDb(parseDatabaseUrl(url), { poolSize: 1 });
    patient = await database.db
      .selectFrom('patients')
      .select(['dni', 'lastName'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    slotsToday = await openTodayFor(database, 'GONZALEZ');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'es-AR' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await database?.close();
    await server?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('la recepcionista ingresa y ve el Tablero con sus gráficos accesibles', async () => {
    await page.goto(`${baseUrl}/staff/ingresar`);
    await page.locator('input[name=login]').fill(USER);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Tablero');
    const chart = page.getByRole('img', { name: /Turnos de la semana por estado/ });
    assert.ok(await chart.isVisible(), 'the week chart is an image with its title');
    await shot(page, 'staff-tablero-1280');
  });

  it('da un turno libre de hoy a un paciente buscado por DNI y lo marca presente', async (t) => {
    if (!slotsToday) {
      t.skip('ya no quedan horarios hoy para dar y atender un turno');
      return;
    }
    await page.getByRole('link', { name: 'Pantalla de turnos' }).click();
    await page.getByLabel('Profesional o especialidad').selectOption({ label: 'GONZALEZ José Luis' });
    await page.getByRole('button', { name: 'Ver agenda' }).click();
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Pantalla de turnos del/);
    // The last free slot of the day: the one least likely to be gone by the time the form is sent.
    await page
      .getByRole('link', { name: /^Dar turno de las/ })
      .last()
      .click();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Dar turno');
    await page.getByLabel('DNI', { exact: true }).fill(patient.dni);
    await page.getByRole('button', { name: 'Buscar paciente' }).click();
    await page
      .getByRole('link', { name: new RegExp(`^Elegir a ${patient.lastName}`) })
      .first()
      .click();
    await page.getByLabel('Motivo').fill(REASON);
    await shot(page, 'staff-dar-turno-1280');
    await page.getByRole('button', { name: 'Confirmar turno' }).click();
    assert.match(await page.getByRole('status').first().innerText(), /Turno dado/);

    // The demo may give this patient other turnos today: the row is the one with this reason.
    const row = () => page.locator('tr', { hasText: patient.dni }).filter({ hasText: REASON });
    await row()
      .getByRole('button', { name: /^Presente/ })
      .click();
    assert.match(await page.getByRole('status').first().innerText(), /Marcado presente/);
    assert.match(await row().innerText(), /presente/);
    await shot(page, 'staff-pantalla-1280');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'staff-pantalla-impresion');
    assert.equal(await page.locator('.staff-nav').isVisible(), false, 'the printed list has no menu');
    await page.emulateMedia({ media: 'screen' });
  });

  it('una especialidad muestra a todos sus profesionales del día, con los turnos web marcados', async () => {
    await page.goto(`${baseUrl}/staff/turnos`);
    await page.getByLabel('Profesional o especialidad').selectOption({ label: 'CARDIOLOGIA' });
    await page.getByRole('button', { name: 'Ver agenda' }).click();
    assert.ok((await page.locator('section.desk-day').count()) >= 2, 'every cardiologist has their own table');
    await shot(page, 'staff-pantalla-especialidad-1280');
    // The remembered filter: the bare address opens the same agenda.
    await page.goto(`${baseUrl}/staff/turnos`);
    assert.match(page.url(), /agenda=especialidad-/);
  });
});
