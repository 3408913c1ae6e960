// The teleconsultation end to end, in a real Chromium against a real server process on the demo center: the
// demo patient opens "Generar token" in the portal and reads the code the page shows; the demo professional
// follows "Validar token" on today's turno by video, types that code and the turno shows the conformity; a
// second try of the same code is refused. Then the patient prints a series, and each code of the PDF (read back
// with pdftotext) validates once and only once. Screenshots at phone width go to test-results/screenshots.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what people read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createDb, type Database } from '../../src/platform/db/database.js';
import { parseDatabaseUrl } from '../../src/platform/db/dialect.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { ROOT, TurneroProcess } from '../support/server-process.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DEMO_PASSWORD = 'demo1234';
const SERIES_SIZE = 3;

async function phoneShot(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: la página se sale ${overflow}px de un celular de 360 px`);
  await page.screenshot({ path: path.join(SHOTS, `teleconsult-${name}-360.png`), fullPage: true });
}

describe('teleconsulta: el paciente genera su token y el profesional lo valida, en Chromium', {
  skip: browserSkip(),
  timeout: 180_000,
}, () => {
  let dir: string;
  let server: TurneroProcess | undefined;
  let database: Database | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let patient: Page;
  let professional: Page;
  let dni: string;
  let turnoId: number;

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-teleconsulta-'));
    const url = `sqlite:${path.join(dir, 'turnero.db')}`;
    server = new TurneroProcess(['start'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      FILES_DIR: path.join(dir, 'files'),
    });
    baseUrl = await server.ready();
    const announced = server.logs.map((l) => /Paciente de prueba para la web: DNI (\d+)/.exec(l.msg ?? '')?.[1]);
    dni = announced.find((d) => d !== undefined) ?? '';
    assert.ok(dni, 'the demo announces its web patient');

    // The demo's turno by video is in the first free slot from its start, which may be another day: the
    // professional validates on a sobreturno by video a few minutes from now, always today.
    database = createDb(parseDatabaseUrl(url), { poolSize: 1 });
    const db = database.db;
    const demoPro = await db
      .selectFrom('staffUsers')
      .select('professionalId')
      .where('username', '=', 'profesional')
      .executeTakeFirstOrThrow();
    const who = await db
      .selectFrom('patients')
      .select(['id', 'insurerId'])
      .where('dni', '=', dni)
      .executeTakeFirstOrThrow();
    const start = Date.now() + 5 * 60_000;
    const now = new Date().toISOString();
    const row = await db
      .insertInto('appointments')
      .values({
        patientId: who.id,
        professionalId: demoPro.professionalId as number,
        insurerId: who.insurerId,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 20 * 60_000).toISOString(),
        status: 'reserved',
        origin: 'staff',
        typeLabel: 'TELECONSULTA',
        bookedAt: now,
        bookedBy: 'recepcion',
        overbook: 1,
        updatedAt: now,
        teleconsult: 1,
        videoUrl: 'https://meet.jit.si/turnero-prueba',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    turnoId = row.id;

    const patientContext = await browser.newContext({ viewport: PHONE, locale: 'es-AR', acceptDownloads: true });
    const staffContext = await browser.newContext({ viewport: DESKTOP, locale: 'es-AR' });
    patientContext.setDefaultTimeout(15_000);
    staffContext.setDefaultTimeout(15_000);
    patient = await patientContext.newPage();
    professional = await staffContext.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await database?.close();
    await server?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The code "Generar token" shows, as the patient reads it out (digits only). */
  async function codeOnScreen() {
    await patient.goto(`${baseUrl}/portal/token`);
    return (await patient.locator('[data-token-code]').innerText()).replace(/\D/g, '');
  }

  async function validate(code: string, options: { turno?: number; dni?: string }) {
    await professional.goto(`${baseUrl}/staff/teleconsultas/validar${options.turno ? `?turno=${options.turno}` : ''}`);
    if (options.dni) await professional.locator('input[name=dni]').fill(options.dni);
    await professional.locator('input[name=code]').fill(code);
    await professional.getByRole('button', { name: 'Validar', exact: true }).click();
    return professional.locator('main').innerText();
  }

  it('el paciente entra a su portal y genera un token', async () => {
    await patient.goto(`${baseUrl}/ingresar`);
    await patient.locator('input[name=dni]').fill(dni);
    await patient.locator('input[name=password]').fill(DEMO_PASSWORD);
    await Promise.all([patient.waitForNavigation(), patient.getByRole('button', { name: 'Ingresar' }).click()]);
    const code = await codeOnScreen();
    assert.match(code, /^\d{6}$/);
    assert.match(await patient.locator('main').innerText(), /Generar token/);
    // The page counts down with token.js: the seconds shown go down.
    const seconds = async () => Number((await patient.locator('.token-countdown').innerText()).match(/\d+/)?.[0]);
    const first = await seconds();
    await patient.waitForTimeout(2_100);
    const later = await seconds();
    assert.ok(later < first || later > 25, `la cuenta regresiva avanza (${first} → ${later})`);
    await phoneShot(patient, '01-generar-token');
  });

  it('el profesional valida el código en el turno por video y el turno muestra la conformidad', async () => {
    await professional.goto(`${baseUrl}/staff/ingresar`);
    await professional.locator('input[name=login]').fill('profesional');
    await professional.locator('input[name=password]').fill(DEMO_PASSWORD);
    await professional.getByRole('button', { name: 'Ingresar' }).click();
    await professional.goto(`${baseUrl}/staff/turnos`);
    const row = professional.locator(`#turno-${turnoId}`);
    assert.match(await row.innerText(), /Teleconsulta/);
    await row.getByRole('link', { name: /Validar token/ }).click();
    assert.equal(await professional.locator('select[name=turno]').inputValue(), String(turnoId));

    const code = await codeOnScreen();
    await professional.locator('input[name=code]').fill(code);
    await professional.getByRole('button', { name: 'Validar', exact: true }).click();
    const panel = professional.getByRole('status').filter({ hasText: 'Conformidad registrada' });
    assert.match(await panel.innerText(), new RegExp(`DNI ${dni}`));
    assert.match(await panel.innerText(), /Token dinámico/);
    await professional.screenshot({ path: path.join(SHOTS, 'teleconsult-02-conformidad-1280.png'), fullPage: true });

    await professional.goto(`${baseUrl}/staff/turnos`);
    const after = await professional.locator(`#turno-${turnoId}`).innerText();
    assert.match(after, /Conformidad registrada \d\d:\d\d/);
    assert.match(after, /presente/i);

    // The same code again, by DNI: refused as already used.
    assert.match(await validate(code, { dni }), /ya (se )?us/i);
  });

  it('el paciente imprime una serie y cada código del PDF sirve una sola vez', async () => {
    await patient.goto(`${baseUrl}/portal/token/series`);
    await patient.locator('input[name=count]').fill(String(SERIES_SIZE));
    await patient.getByRole('button', { name: 'Crear la serie' }).click();
    assert.match(await patient.locator('main').innerText(), /creamos tu serie/);
    await phoneShot(patient, '03-serie');
    const link = patient.getByRole('link', { name: /Imprimir \/ Guardar PDF/ }).first();
    const href = await link.getAttribute('href');
    assert.ok(href);
    const pdf = await patient.request.get(`${baseUrl}${href}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const file = path.join(dir, 'serie.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    assert.match(text, new RegExp(dni.replace(/\B(?=(\d{3})+$)/g, '\\.?')));
    // Printed codes read in two groups of five, as the sheet prints them.
    const codes = [...text.matchAll(/\b(\d{5} \d{5})\b/g)].map((m) => (m[1] as string).replace(/\D/g, ''));
    assert.equal(new Set(codes).size, SERIES_SIZE, `los ${SERIES_SIZE} códigos de la hoja: ${codes.join(', ')}`);

    for (const code of new Set(codes)) {
      assert.match(await validate(code, { dni }), /Conformidad registrada[\s\S]*Código de serie impresa/);
      assert.match(await validate(code, { dni }), /ya (se )?us/i, `el código ${code} no sirve dos veces`);
    }
    await patient.goto(`${baseUrl}/portal/token/series`);
    assert.match(await patient.locator('main').innerText(), new RegExp(`${SERIES_SIZE} de ${SERIES_SIZE}|usad`, 'i'));
    await phoneShot(patient, '04-serie-usada');
  });
});
