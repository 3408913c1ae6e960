// Pacientes web and Turnos dados por web in a real Chromium against a real server process on the demo center:
// reception disables the demo web patient with a note, the patient logs in, reads it and cannot book; enabled
// again, the patient books a turno, and reception finds it filtering the web list by professional and booking
// date. Screenshots of both staff pages at 1280 px are saved under test-results/screenshots.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what people read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/load-demo.js';
import { todayIn } from '../../src/platform/time/zone.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { ROOT, TurneroProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const ZONE = 'America/Argentina/Buenos_Aires';
const NOTE = 'Comunicate con administración: tenés tres ausencias sin aviso.';
const REASON = 'Control pedido desde la web';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('recepción: Pacientes web y Turnos dados por web en Chromium', {
  skip: browserSkip(),
  timeout: 120_000,
}, () => {
  let dir: string;
  let server: TurneroProcess | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let staff: Page;
  let patient: Page;
  let dni: string;

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-web-patients-'));
    server = new TurneroProcess(['start'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dir, 'turnero.db')}`,
    });
    baseUrl = await server.ready();
    const announced = server.logs.map((l) => /Paciente de prueba para la web: DNI (\d+)/.exec(l.msg ?? '')?.[1]);
    const found = announced.find(Boolean);
    assert.ok(found, `the demo announces its web patient:\n${server.describe()}`);
    dni = found;
    // Two browsers in one: the staff session and the patient's never share cookies.
    const staffContext = await browser.newContext({ viewport: DESKTOP, locale: 'es-AR' });
    const patientContext = await browser.newContext({ viewport: PHONE, locale: 'es-AR' });
    staffContext.setDefaultTimeout(15_000);
    patientContext.setDefaultTimeout(15_000);
    staff = await staffContext.newPage();
    patient = await patientContext.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function patientLogsIn() {
    await patient.goto(`${baseUrl}/ingresar`);
    await patient.locator('input[name=dni]').fill(dni);
    await patient.locator('input[name=password]').fill(DEMO_PASSWORD);
    await patient.getByRole('button', { name: 'Ingresar' }).click();
  }

  async function openAccount() {
    await staff.getByRole('link', { name: 'Pacientes web', exact: true }).click();
    await staff.getByLabel('Buscar por DNI, nombre o e-mail').fill(dni);
    await staff.getByRole('button', { name: 'Buscar', exact: true }).click();
    assert.match(await staff.getByRole('status').first().innerText(), /^1 paciente web$/);
  }

  it('recepción deshabilita al paciente web con una observación', async () => {
    await staff.goto(`${baseUrl}/staff/ingresar`);
    await staff.locator('input[name=login]').fill('recepcion');
    await staff.locator('input[name=password]').fill(DEMO_PASSWORD);
    await staff.getByRole('button', { name: 'Ingresar' }).click();
    await staff.getByRole('heading', { level: 1 }).waitFor();

    // Alta en web: the demo patient already has an account, so the search offers to change it instead.
    await staff.getByRole('link', { name: 'Pacientes web', exact: true }).click();
    await staff.getByRole('link', { name: 'Alta en web' }).click();
    await staff.getByLabel('DNI o apellido del paciente').fill(dni);
    await staff.getByRole('button', { name: 'Buscar paciente' }).click();
    assert.match(await staff.locator('main').innerText(), /Ya tiene usuario web/);
    await staff.getByRole('link', { name: 'Crear un paciente nuevo' }).click();
    assert.ok(await staff.getByLabel('ACTIVADO: ingresa ya, sin mail de activación').isVisible());
    await shot(staff, 'staff-web-alta-1280');

    await openAccount();
    const row = staff.locator('tbody tr', { hasText: dni });
    assert.match(await row.innerText(), /activado/);
    await shot(staff, 'staff-web-pacientes-1280');
    await row.getByRole('link', { name: /^Modificar activación\/contraseña/ }).click();
    assert.match(await staff.getByRole('heading', { level: 1 }).innerText(), /^Modificar activación\/contraseña: /);
    assert.ok(await staff.getByLabel('ACTIVADO?').isChecked());
    await staff.getByLabel('DESHABILITAR?').check();
    await staff.getByLabel('Observación que lee el paciente al ingresar').fill(NOTE);
    await shot(staff, 'staff-web-paciente-1280');
    await staff.getByRole('button', { name: 'Guardar cambios' }).click();
    assert.match(await staff.getByRole('status').first().innerText(), /Cambios guardados/);
    assert.match(await staff.locator('dl.details').innerText(), /deshabilitado/);
  });

  it('el paciente ingresa, lee la observación y no puede tomar turnos', async () => {
    await patientLogsIn();
    assert.match(await patient.locator('main').innerText(), new RegExp(NOTE));
    await patient.goto(`${baseUrl}/turnos/nuevo`);
    const text = await patient.locator('main').innerText();
    assert.match(text, /Tu usuario no puede tomar turnos por internet/);
    assert.match(text, new RegExp(NOTE));
    assert.equal(await patient.getByRole('button', { name: 'Ver profesionales' }).count(), 0);
  });

  it('habilitado de nuevo, toma un turno y recepción lo encuentra filtrando por profesional y fecha', async () => {
    await staff.getByLabel('DESHABILITAR?').uncheck();
    await staff.getByRole('button', { name: 'Guardar cambios' }).click();
    assert.match(await staff.locator('dl.details').innerText(), /activado/);

    await patient.goto(`${baseUrl}/turnos/nuevo`);
    await patient.getByLabel('Especialidad', { exact: true }).selectOption({ label: 'Cardiología' });
    await patient.getByRole('button', { name: 'Ver profesionales' }).click();
    await patient
      .getByRole('region', { name: /GONZALEZ/ })
      .getByRole('link', { name: /Otorgar turno con este profesional/ })
      .click();
    if (await patient.getByRole('button', { name: 'Entendido' }).count()) {
      await patient.getByRole('button', { name: 'Entendido' }).click();
    }
    for (
      let week = 0;
      week < 4 && !(await patient.getByRole('link', { name: /Primer turno disponible/ }).count());
      week++
    ) {
      await patient.getByRole('link', { name: 'Ver horarios libres semana siguiente' }).first().click();
    }
    await patient.getByRole('link', { name: /Primer turno disponible/ }).click();
    await patient.getByLabel(/Motivo del turno/).fill(REASON);
    await patient.getByRole('button', { name: 'Confirmar turno' }).click();
    assert.equal(await patient.getByRole('heading', { level: 1 }).innerText(), 'Turno insertado');

    const today = todayIn(ZONE, Date.now());
    await staff.getByRole('link', { name: 'Turnos dados por web' }).click();
    await staff.getByLabel('Profesional').selectOption({ label: 'GONZALEZ José Luis' });
    const booked = staff.getByRole('group', { name: 'Fecha de otorgamiento' });
    await booked.getByLabel('Desde').fill(today);
    await booked.getByLabel('Hasta').fill(today);
    await staff.getByRole('button', { name: 'Filtrar' }).click();
    assert.match(staff.url(), /otorgadoDesde=\d{4}-\d{2}-\d{2}&otorgadoHasta=/);
    const row = staff.locator('tbody tr', { hasText: `DNI ${dni}` }).filter({ hasText: REASON });
    assert.equal(await row.count(), 1, await staff.locator('main').innerText());
    assert.match(await row.innerText(), /GONZALEZ José Luis[\s\S]*reservado/);
    await shot(staff, 'staff-web-turnos-1280');

    // The filters are remembered: the bare address from the menu reopens the same list.
    await staff.goto(`${baseUrl}/staff/web/turnos`);
    assert.match(staff.url(), new RegExp(`otorgadoDesde=${today}`));
    assert.equal(await staff.locator('tbody tr', { hasText: REASON }).count(), 1);

    await staff
      .locator('tbody tr', { hasText: REASON })
      .getByRole('link', { name: /^Cancelar el turno/ })
      .click();
    assert.match(await staff.locator('main').innerText(), /¿Cancelar el turno N° \d+ del .* con GONZALEZ/);
    await shot(staff, 'staff-web-turnos-cancelar-1280');
    await staff.getByRole('button', { name: 'Sí, cancelar el turno' }).click();
    assert.match(await staff.getByRole('status').first().innerText(), /Se canceló el turno N° \d+/);
    assert.match(await staff.locator('tbody tr', { hasText: REASON }).innerText(), /cancelado/);
  });
});
