// The TURNOS WEB configuration in a real Chromium against a real server with the demo center: an admin
// created from the command line logs in to /staff, looks over the configuration screens, and gives a
// professional a general message and 3 días máximos; then the demo web patient opens that professional,
// reads the message first, and the grid offers nothing past the third day. Screenshots of the screens
// at 1280 px are saved under test-results/screenshots for a person to look at.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what a user reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/load-demo.js';
import { addDays, todayIn } from '../../src/platform/time/zone.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { ROOT, runTurnero, TurneroProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const ZONE = 'America/Argentina/Buenos_Aires';
const MESSAGE = 'Atiende solo con orden médica. Traiga sus estudios anteriores.';

/** Saved first, so a page that sticks out sideways can be looked at. */
async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}-1280.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: la página se sale ${overflow}px de la pantalla de 1280 px`);
}

describe('configuración de turnos web, del personal al paciente, en Chromium', {
  skip: browserSkip(),
  timeout: 120_000,
}, () => {
  let dir: string;
  let server: TurneroProcess | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let databaseUrl: string;
  let professionalPath = '';

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-web-config-'));
    databaseUrl = `sqlite:${path.join(dir, 'turnero.db')}`;
    server = new TurneroProcess(['start'], { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl });
    baseUrl = await server.ready();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('un administrador creado por la línea de comandos configura un profesional para la web', async () => {
    // Without a password on standard input the command makes one and prints it once.
    const created = await runTurnero(['admin', 'create', '--username', 'jefa', '--name', 'Jefa de Turnos'], {
      DATABASE_URL: databaseUrl,
    });
    assert.equal(created.code, 0, created.stderr);
    const password = /Contraseña \(no se vuelve a mostrar\): (\S+)/.exec(created.stdout)?.[1];
    assert.ok(password, created.stdout);

    const context = await (browser as Browser).newContext({ viewport: DESKTOP, locale: 'es-AR' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/staff/ingresar?volver=${encodeURIComponent('/staff/web/configuracion')}`);
    await page.getByLabel('Usuario o e-mail').fill('jefa');
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Configuración básica' }).waitFor();

    // The manual's explanation is announced with its field.
    const perDay = page.getByLabel('Máx. turnos para día/especialidad/profesional');
    assert.equal(await perDay.inputValue(), '1');
    assert.match(
      await page.locator(`#${await perDay.getAttribute('aria-describedby')}`).innerText(),
      /mismo paciente con el mismo profesional en el mismo día de atención/,
    );
    assert.ok(await page.getByLabel('Activar los turnos por internet').isChecked());
    await screenshot(page, '20-staff-configuracion');

    // A mistake comes back beside its field, with what was typed.
    await perDay.fill('0');
    await page.getByLabel('Frase de inicio').fill('Frase escrita antes del error');
    await page.getByRole('button', { name: 'Guardar configuración' }).click();
    assert.match(await page.getByRole('alert').first().innerText(), /Revisá estos datos/);
    assert.equal(await page.getByLabel('Frase de inicio').inputValue(), 'Frase escrita antes del error');
    assert.equal(
      await page.getByLabel('Máx. turnos para día/especialidad/profesional').getAttribute('aria-invalid'),
      'true',
    );
    await screenshot(page, '21-staff-configuracion-error');
    await page.getByLabel('Máx. turnos para día/especialidad/profesional').fill('1');
    await page.getByRole('button', { name: 'Guardar configuración' }).click();
    assert.match(await page.getByRole('status').first().innerText(), /Configuración guardada/);

    for (const [link, name] of [
      ['Obras sociales activadas', '22-staff-obras-sociales'],
      ['Especialidades activadas', '23-staff-especialidades'],
      ['ABM estudios', '24-staff-estudios'],
      ['Profesionales activados', '25-staff-profesionales'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screenshot(page, name);
    }

    await page.goto(`${baseUrl}/staff/web/obras-sociales`);
    await page.getByRole('link', { name: 'Modificar activación OSDE' }).click();
    assert.ok(await page.getByLabel('Activada para turnos web').isChecked());
    await screenshot(page, '31-staff-obra-social');

    // A study the agendas use: asked first, then refused with the reason and the way out.
    await page.goto(`${baseUrl}/staff/web/estudios`);
    await page.getByRole('link', { name: 'Borrar Ecografía abdominal' }).click();
    await screenshot(page, '32-staff-estudio-borrar');
    await page.getByRole('button', { name: 'Sí, borrar' }).click();
    assert.match(
      await page.getByRole('alert').innerText(),
      /No se puede borrar el estudio «Ecografía abdominal»: lo usan/,
    );
    assert.ok(await page.getByRole('link', { name: 'Deshabilitarlo para la web' }).isVisible());
    await screenshot(page, '33-staff-estudio-en-uso');

    await page.goto(`${baseUrl}/staff/web/profesionales`);
    await page.getByRole('link', { name: /^Modificar activación GOMEZ/ }).click();
    professionalPath = new URL(page.url()).pathname;
    await page.getByLabel('Mensaje general (previo al turno)').fill(MESSAGE);
    await page.getByLabel('Días máximos').fill('3');
    await screenshot(page, '26-staff-profesional');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    assert.match(await page.getByRole('status').first().innerText(), /Se guardaron los cambios de «GOMEZ/);
    const row = page.locator('tr.changed');
    assert.match(await row.innerText(), /recién guardado/);
    assert.match(await row.innerText(), /Atiende solo con orden médica/);
    await screenshot(page, '27-staff-profesionales-guardado');

    await page.getByRole('link', { name: /^Estudios GOMEZ/ }).click();
    await page.getByRole('heading', { level: 1, name: /Estudios de GOMEZ/ }).waitFor();
    await screenshot(page, '28-staff-profesional-estudios');
    await context.close();
  });

  it('el paciente de la demo lee el mensaje primero y no puede elegir más allá de 3 días', async () => {
    const demoLine = server?.logs.find((l) => l.msg?.includes('Paciente de prueba para la web'))?.msg ?? '';
    const dni = /DNI (\d+)/.exec(demoLine)?.[1];
    assert.ok(dni, `the server did not name the demo web patient:\n${server?.describe()}`);

    const context = await (browser as Browser).newContext({ viewport: DESKTOP, locale: 'es-AR' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ingresar`);
    await page.locator('input[name=dni]').fill(dni);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('link', { name: 'Mis turnos' }).first().waitFor();

    const id = professionalPath.split('/').at(-1);
    await page.goto(`${baseUrl}/turnos/profesional/${id}`);
    // A professional with several services asks which first.
    if (!(await page.getByText(MESSAGE).count())) await page.locator('main ul.choices a').first().click();
    assert.match(await page.locator('main').innerText(), new RegExp(MESSAGE.replace(/\./g, '\\.')));
    assert.equal(await page.locator('.slot').count(), 0, 'no grid before the message is acknowledged');
    await screenshot(page, '29-paciente-mensaje-profesional');
    await page.getByRole('button', { name: 'Entendido' }).click();

    const text = await page.locator('main').innerText();
    assert.match(text, /Los turnos por internet se toman hasta 3 días adelante/);
    assert.equal(await page.getByRole('link', { name: 'Ver horarios libres semana siguiente' }).count(), 0);
    const last = addDays(todayIn(ZONE, Date.now()), 3);
    const starts = await page
      .locator('a.slot')
      .evaluateAll((links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('inicio') ?? ''),
      );
    for (const start of starts) {
      assert.ok(start.slice(0, 10) <= last, `the grid offers ${start}, past ${last}`);
    }
    await screenshot(page, '30-paciente-grilla-3-dias');
    await context.close();
  });
});
