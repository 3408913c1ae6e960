// The reminders module in a real Chromium against a real server process on the demo center, mailing a real
// SMTP server on loopback: the admin writes a template (placeholders inserted from the help box), generates
// the next week's list, removes a row, sends, watches the progress, and finds the mails in the send log.
// Screenshots at 1280 px go to test-results/screenshots for a person to look at.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what staff read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/load-demo.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { ROOT, TurneroProcess } from '../support/server-process.js';
import { SmtpSink } from '../support/smtp-sink.js';

const DESKTOP = { width: 1280, height: 900 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const TITLE = 'Recordatorio de tu turno';

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}-1280.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: la página se sale ${overflow}px de la pantalla de 1280 px`);
}

describe('recordatorios por mail, de la plantilla al registro de envíos, en Chromium', {
  skip: browserSkip(),
  timeout: 180_000,
}, () => {
  let dir: string;
  let server: TurneroProcess | undefined;
  let sink: SmtpSink;
  let baseUrl: string;
  let browser: Browser | undefined;

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    sink = await SmtpSink.start();
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-reminders-'));
    server = new TurneroProcess(['start'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dir, 'turnero.db')}`,
      SMTP_URL: sink.url,
    });
    baseUrl = await server.ready();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.dispose();
    await sink?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('plantilla → listado → quitar una fila → enviar → avance → registro', async () => {
    const context = await (browser as Browser).newContext({ viewport: DESKTOP, locale: 'es-AR' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/staff/ingresar?volver=${encodeURIComponent('/staff/mensajes/plantillas')}`);
    await page.getByLabel('Usuario o e-mail').fill('admin');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plantillas' }).waitFor();

    // A new mail template, its placeholders put in by clicking the help box, as the manual teaches.
    await page.getByRole('link', { name: 'Nuevo email' }).click();
    await page.getByLabel('Título').fill(TITLE);
    const body = page.locator('#f-body');
    await body.fill('Hola ');
    await page.getByRole('button', { name: /\[\[PACIENTE\]\]/ }).click();
    await body.press('End');
    await body.pressSequentially(': te esperamos el ');
    await page.getByRole('button', { name: /\[\[FECHA\]\]/ }).dblclick();
    await body.press('End');
    await body.pressSequentially(' a las ');
    await page.getByRole('button', { name: /\[\[HORA\]\]/ }).click();
    await body.press('End');
    await body.pressSequentially('. Para confirmar: ');
    await page.getByRole('button', { name: /\[\[CONFIRMAR\]\]/ }).click();
    assert.equal(
      await body.inputValue(),
      'Hola [[PACIENTE]]: te esperamos el [[FECHA]] a las [[HORA]]. Para confirmar: [[CONFIRMAR]]',
      'a double click inserts the placeholder once',
    );
    await screenshot(page, '40-staff-plantilla-nueva');
    await page.getByRole('button', { name: 'Crear plantilla' }).click();
    await page
      .getByText(/guardad/i)
      .first()
      .waitFor();

    // The send desk: next week's turnos (the default dates) for the new template.
    await page.getByRole('link', { name: 'Enviar mails/SMS' }).click();
    await page.getByLabel('Plantilla').selectOption({ label: TITLE });
    await page.getByRole('button', { name: 'Generar listado' }).click();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    const kept = async () =>
      Number((await page.locator('.list-bar [role=status] strong').innerText()).replace(/\D/g, ''));
    const before = await kept();
    assert.ok(before >= 2, `the demo has turnos with e-mail next week (${before} in the list)`);
    await screenshot(page, '41-staff-envio-listado');

    // The first row is removed from the list: one mail fewer, and that turno out of the list.
    const removedTurno = (await rows.first().locator('td').first().innerText()).trim();
    await rows
      .first()
      .getByRole('button', { name: /Quitar/ })
      .click();
    await page.getByText('Se quitó la fila del listado.').waitFor();
    assert.equal(await kept(), before - 1);
    const firstCells = await page.locator('table tbody tr td:first-child').allInnerTexts();
    assert.ok(!firstCells.map((c) => c.trim()).includes(removedTurno), `turno ${removedTurno} left the list`);

    await page.getByRole('button', { name: 'Enviar mails' }).click();
    await page.getByRole('heading', { name: 'Avance del envío' }).waitFor();
    // The page follows the worker by itself until nothing is pending.
    await page.getByText('Envío terminado.').waitFor({ timeout: 60_000 });
    const sent = Number(await page.locator('[data-count=sent]').innerText());
    assert.equal(sent, before - 1, 'every kept row was sent');
    await screenshot(page, '42-staff-envio-avance');

    const reminders = sink.mails.filter((m) => m.subject === TITLE);
    assert.equal(reminders.length, before - 1);
    const one = reminders[0]!;
    assert.doesNotMatch(one.text, /\[\[/, 'every placeholder was replaced');
    assert.match(
      one.text,
      /te esperamos el \S+ \d\d\/\d\d a las \d\d:\d\d\. Para confirmar: http:\/\/\S+\/turno\/confirmar\?token=/,
    );

    // The send log, opened from the menu and then narrowed to this batch: every mail, the message as sent.
    const batchId = /\/staff\/mensajes\/enviar\/(\d+)/.exec(page.url())?.[1];
    assert.ok(batchId, `the progress page's address names the batch: ${page.url()}`);
    await page.getByRole('link', { name: 'Registro de envíos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro de envíos' }).waitFor();
    await page.goto(`${baseUrl}/staff/mensajes/registro?lote=${batchId}`);
    const log = await page.locator('main').innerText();
    assert.match(log, new RegExp(`${before - 1} envíos`), 'the log counts the batch');
    assert.ok(log.includes(TITLE));
    await screenshot(page, '43-staff-registro-envios');

    // The confirm link of a real mail, opened as the patient would.
    const link = /http:\/\/\S+\/turno\/confirmar\?token=\S+/.exec(one.text)![0];
    const patient = await context.newPage();
    await patient.goto(link);
    await patient.getByRole('button', { name: 'Confirmar asistencia' }).click();
    await patient.getByText('Confirmaste tu asistencia').waitFor();
    await screenshot(patient, '44-paciente-confirmo-asistencia');
    await context.close();
  });
});
