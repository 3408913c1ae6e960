// The patient portal end to end, in a real Chromium against a real server process and a real SMTP server:
// reception creates a record and enables the portal → the patient opens "Validación primer acceso" from the
// mail, proves who they are and sets a password → uploads a document → fills the questionnaire the center
// asked for → downloads the invoice the center issued (its text read back with pdftotext) → changes photo and
// language. The center sees the document and the answers. Screenshots at phone and desktop widths go to
// test-results/screenshots.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what a person reads.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchChromium } from '../support/browser.js';
import { ROOT, TurneroProcess } from '../support/server-process.js';
import { linkIn, SmtpSink } from '../support/smtp-sink.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DNI = '30444555';
const EMAIL = 'marta.rios@example.com';
const PASSWORD = 'Otoño-en-Salta-7';
const STAFF_PASSWORD = 'demo1234';

async function screenshots(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: la página se sale ${overflow}px de un celular de 360 px`);
  await page.screenshot({ path: path.join(SHOTS, `portal-journey-${name}-360.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: path.join(SHOTS, `portal-journey-${name}-1280.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

const mainText = (page: Page) => page.locator('main').innerText();

/** A one-page PDF, as a phone's scanner app would save it. */
const SCANNED_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG: the photo. */
const PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('el portal del paciente, del centro al paciente, en Chromium', {
  skip: browserSkip(),
  timeout: 240_000,
}, () => {
  let dir: string;
  let sink: SmtpSink;
  let server: TurneroProcess | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let staff: Page;
  let patient: Page;
  let patientId = 0;

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    sink = await SmtpSink.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-portal-'));
    server = new TurneroProcess(['start'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dir, 'turnero.db')}`,
      FILES_DIR: path.join(dir, 'files'),
      SMTP_URL: sink.url,
    });
    baseUrl = await server.ready();
    const staffContext = await browser.newContext({ viewport: DESKTOP, locale: 'es-AR' });
    const patientContext = await browser.newContext({ viewport: PHONE, locale: 'es-AR', acceptDownloads: true });
    staffContext.setDefaultTimeout(15_000);
    patientContext.setDefaultTimeout(15_000);
    staff = await staffContext.newPage();
    patient = await patientContext.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.dispose();
    await sink?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('recepción carga la ficha con e-mail y celular y habilita el portal', async () => {
    await staff.goto(`${baseUrl}/staff/ingresar`);
    await staff.locator('input[name=login]').fill('admin');
    await staff.locator('input[name=password]').fill(STAFF_PASSWORD);
    await staff.locator('input[name=password]').press('Enter');
    await staff.goto(`${baseUrl}/staff/pacientes/nuevo`);
    await staff.locator('input[name=dni]').fill(DNI);
    await staff.locator('input[name=lastName]').fill('Ríos');
    await staff.locator('input[name=firstName]').fill('Marta');
    await staff.locator('input[name=birthDate]').fill('1952-07-09');
    await staff.locator('input[name=email]').fill(EMAIL);
    await staff.locator('input[name=mobile]').fill('11 5555-9876');
    await staff.locator('form.two-columns button[type=submit]').click();
    patientId = Number(/\/staff\/pacientes\/(\d+)/.exec(staff.url())?.[1]);
    assert.ok(patientId > 0, `la ficha nueva abre en su dirección (${staff.url()})`);

    await staff.getByLabel('Portal del paciente habilitado').check();
    await staff.getByRole('button', { name: 'Guardar portal' }).click();
    assert.match(await mainText(staff), /habilitad/i);
    await staff.locator('#portal').screenshot({ path: path.join(SHOTS, 'portal-journey-ficha-portal-1280.png') });
  });

  it('el paciente abre la Validación primer acceso del mail, prueba quién es y se registra', async () => {
    const mail = await sink.waitFor(EMAIL, 20_000);
    assert.match(mail.subject, /primer acceso|portal/i);
    await patient.goto(linkIn(mail, `${baseUrl}/portal/primer-acceso`));
    await screenshots(patient, '01-primer-acceso');
    await patient.locator('input[name=dni]').fill(DNI);
    await patient.locator('input[name=birthDate]').fill('09/07/1952');
    await patient.locator('input[name=password]').fill(PASSWORD);
    await patient.locator('input[name=passwordRepeat]').fill(PASSWORD);
    // Before the proof the page only hints the end of the mobile on file: the patient types it in full.
    assert.match(await mainText(patient), /termina en 76/);
    await patient.locator('input[name=mobile]').fill('11 5555-9876');
    await patient.locator('select[name=securityQuestion]').selectOption({ index: 1 });
    await patient.locator('input[name=securityAnswer]').fill('Escuela 12 de Salta');
    await patient.getByRole('button', { name: 'Registrarse' }).click();
    await patient.waitForURL(/\/portal\?bienvenida=1/);
    assert.match(await mainText(patient), /Ya podés usar tu portal/);
    await screenshots(patient, '02-inicio');
  });

  it('sube un documento con su descripción y el centro lo ve en la ficha', async () => {
    await patient.goto(`${baseUrl}/portal/documentos`);
    await patient.locator('input[name=file]').setInputFiles({
      name: 'análisis de sangre.pdf',
      mimeType: 'application/pdf',
      buffer: SCANNED_PDF,
    });
    await patient.locator('[name=description]').fill('Análisis de sangre de octubre');
    await patient.getByRole('button', { name: 'Subir', exact: false }).first().click();
    assert.match(await mainText(patient), /Análisis de sangre de octubre/);
    await screenshots(patient, '03-documentos');

    await staff.goto(`${baseUrl}/staff/pacientes/${patientId}/documentos`);
    assert.match(await mainText(staff), /Análisis de sangre de octubre/);
  });

  it('completa el cuestionario que le pidió el centro y lo envía una vez', async () => {
    await staff.goto(`${baseUrl}/staff/portal/cuestionarios/nuevo`);
    await staff.locator('input[name=title]').fill('Antes de tu primera consulta');
    await staff.locator('form button[type=submit]').last().click();
    const definition = staff.url().split('?')[0];
    await staff.goto(`${definition}/preguntas/nueva`);
    await staff.locator('select[name=kind]').selectOption('yes_no');
    await staff.locator('textarea[name=label]').fill('¿Tomás algún medicamento?');
    await staff.locator('input[name=required]').check();
    await staff.locator('form button[type=submit]').last().click();
    await staff.goto(`${definition}/preguntas/nueva`);
    await staff.locator('select[name=kind]').selectOption('text');
    await staff.locator('textarea[name=label]').fill('¿Cuáles?');
    await staff.locator('form button[type=submit]').last().click();

    await staff.goto(`${baseUrl}/staff/pacientes/${patientId}/cuestionarios`);
    await staff.locator('select[name=questionnaireId]').selectOption({ label: 'Antes de tu primera consulta' });
    await staff.getByRole('button', { name: 'Solicitar' }).click();
    assert.match(await mainText(staff), /Le pediste el cuestionario «Antes de tu primera consulta»/);

    await patient.goto(`${baseUrl}/portal/cuestionarios`);
    await patient
      .getByRole('link', { name: /Antes de tu primera consulta/ })
      .first()
      .click();
    await screenshots(patient, '04-cuestionario');
    await patient.getByLabel('Sí', { exact: true }).check();
    await patient.getByLabel('¿Cuáles?').fill('Enalapril 10 mg');
    await patient.getByRole('button', { name: 'Enviar' }).click();
    assert.match(await mainText(patient), /Enalapril 10 mg/);
    assert.equal(await patient.getByRole('button', { name: 'Enviar' }).count(), 0, 'enviado, ya no se edita');

    await staff.goto(`${baseUrl}/staff/pacientes/${patientId}/cuestionarios`);
    await staff
      .getByRole('link', { name: /Antes de tu primera consulta/ })
      .first()
      .click();
    assert.match(await mainText(staff), /Enalapril 10 mg/);
  });

  it('descarga la factura que emitió el centro, con su nombre, su número y el total', async () => {
    await staff.goto(`${baseUrl}/staff/portal/facturas/nueva`);
    await staff.locator('input[name=dni]').fill(DNI);
    await staff.getByRole('button', { name: 'Buscar' }).click();
    await staff.locator('select[name=insurerId]').selectOption({ label: 'OSDE' });
    await staff.locator('input[name=memberNumber]').fill('61 123456 7');
    await staff.locator('input[name="concept-1"]').fill('Consulta clínica');
    await staff.locator('input[name="quantity-1"]').fill('1');
    await staff.locator('input[name="unit-1"]').fill('25.000,00');
    await staff.locator('input[name="insurer-1"]').fill('15.000,00');
    await staff.getByRole('button', { name: 'Emitir factura' }).click();
    const issuedText = await mainText(staff);
    const issued = /Factura N\.º (\d+) emitida/.exec(issuedText);
    assert.ok(issued, 'la factura quedó emitida con su número');
    const number = issued[1] as string;

    await patient.goto(`${baseUrl}/portal/facturas`);
    assert.match(await mainText(patient), new RegExp(number));
    await screenshots(patient, '05-facturas');
    const link = patient.locator(`a[href*="descargar=1"]`).first();
    const [download] = await Promise.all([patient.waitForEvent('download'), link.click()]);
    const file = path.join(dir, 'factura.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    assert.match(text, /R[ií]os/i);
    assert.match(text, /Marta/);
    assert.match(text, new RegExp(number));
    assert.match(text, /25\.000,00/);
  });

  it('cambia su foto y el idioma del portal', async () => {
    await patient.goto(`${baseUrl}/portal/perfil`);
    await screenshots(patient, '06-perfil');
    await patient
      .locator('input[name=foto]')
      .setInputFiles({ name: 'yo.png', mimeType: 'image/png', buffer: PHOTO_PNG });
    await patient.locator('form[action="/portal/perfil/foto"] button[type=submit]').click();
    await patient.getByText('Guardamos tu foto.').waitFor();
    const photo = await patient.request.get(`${baseUrl}/portal/perfil/foto`);
    assert.equal(photo.status(), 200);
    assert.match(photo.headers()['content-type'] ?? '', /^image\//);

    await patient.locator('select[name=lang]').selectOption('en');
    await patient.locator('form[action="/portal/perfil/idioma"] button[type=submit]').click();
    await patient.goto(`${baseUrl}/portal`);
    assert.match(await mainText(patient), /Patient documents|My invoices/);
    await screenshots(patient, '07-inicio-en-ingles');
  });
});
