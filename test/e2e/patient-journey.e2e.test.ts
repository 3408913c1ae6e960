// A new patient's whole way in a real Chromium against a real server process and a real SMTP server:
// register → activate from the mail → log in → book by specialty (through the professional's message)
// → slip PDF → Mis turnos → cancel; a rule broken on the confirm page; and the inactivity lock with a
// short configured timeout. Screenshots of the main pages at phone and desktop widths are saved under
// test-results/screenshots for a person to look at.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what a patient reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDb } from '../../src/platform/db/database.js';
import { parseDatabaseUrl } from '../../src/platform/db/dialect.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { ROOT, TurneroProcess } from '../support/server-process.js';
import { linkIn, SmtpSink } from '../support/smtp-sink.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DNI = '35111222';
const EMAIL = 'lucia.paz@example.com';
const PASSWORD = 'clave-segura-1';

/** Both widths, after checking nothing sticks out sideways on the phone. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: la página se sale ${overflow}px de un celular de 360 px`);
  await page.screenshot({ path: path.join(SHOTS, `${name}-360.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: path.join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

async function answerSum(page: Page) {
  const question = await page.getByText(/¿Cuánto es \d+ \+ \d+\?/).innerText();
  const [, a, b] = /(\d+) \+ (\d+)/.exec(question) as RegExpExecArray;
  await page.getByLabel(/¿Cuánto es/).fill(String(Number(a) + Number(b)));
}

async function logIn(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/ingresar`);
  await page.locator('input[name=dni]').fill(DNI);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

describe('un paciente nuevo, de la portada a su turno, en Chromium', { skip: browserSkip(), timeout: 120_000 }, () => {
  let dir: string;
  let sink: SmtpSink;
  let server: TurneroProcess | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let database: string;

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    sink = await SmtpSink.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-journey-'));
    database = `sqlite:${path.join(dir, 'turnero.db')}`;
    server = new TurneroProcess(['start'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database,
      SMTP_URL: sink.url,
    });
    baseUrl = await server.ready();
    context = await browser.newContext({ viewport: PHONE, locale: 'es-AR' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.dispose();
    await sink?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('se registra con su DNI y activa el usuario con el enlace del mail', async () => {
    await page.goto(baseUrl);
    await screenshots(page, '01-inicio');
    await page
      .getByRole('link', { name: /Registrarse/ })
      .first()
      .click();
    await page.locator('input[name=dni]').fill(DNI);
    await answerSum(page);
    await screenshots(page, '02-registro-dni');
    await page.getByRole('button', { name: 'Seguir' }).click();

    await page.locator('input[name=lastName]').fill('Paz');
    await page.locator('input[name=firstName]').fill('Lucía');
    await page.locator('select[name=sex]').selectOption('F');
    await page.locator('input[name=birthDate]').fill('12/03/1951');
    await page.locator('input[name=email]').fill(EMAIL);
    await page.locator('input[name=mobile]').fill('11 5555-1234');
    await page.locator('select[name=insurerId]').selectOption({ index: 1 });
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('input[name=passwordRepeat]').fill(PASSWORD);
    await screenshots(page, '03-registro-datos');
    await page.getByRole('button', { name: 'Crear mi usuario' }).click();
    assert.ok(await page.getByRole('heading', { name: 'Revisá tu correo' }).isVisible());

    const mail = await sink.waitFor(EMAIL, 20_000);
    await page.goto(linkIn(mail, baseUrl));
    assert.match(await page.locator('main').innerText(), /Tu usuario quedó activado/);
  });

  let confirmUrl = '';
  it('ingresa, elige especialidad, lee el mensaje del profesional y confirma un turno', async () => {
    await logIn(page, baseUrl);
    assert.match(await page.locator('main').innerText(), /Hola, Lucía Paz/);
    await page.getByRole('link', { name: 'Tomar turno' }).first().click();
    await screenshots(page, '04-tomar-turno');
    await page.getByLabel('Especialidad', { exact: true }).selectOption({ label: 'Cardiología' });
    await page.getByRole('button', { name: 'Ver profesionales' }).click();
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Cardiología/);
    await screenshots(page, '05-profesionales');

    const gonzalez = page.getByRole('region', { name: /GONZALEZ/ });
    await gonzalez.getByRole('link', { name: /Otorgar turno con este profesional/ }).click();
    // GONZALEZ has a general message: it comes first and must be acknowledged.
    assert.match(await page.locator('main').innerText(), /Atiende pacientes mayores de 15 años/);
    await screenshots(page, '06-mensaje-profesional');
    await page.getByRole('button', { name: 'Entendido' }).click();

    for (
      let week = 0;
      week < 4 && !(await page.getByRole('link', { name: /Primer turno disponible/ }).count());
      week++
    ) {
      await page.getByRole('link', { name: 'Ver horarios libres semana siguiente' }).first().click();
    }
    assert.ok(await page.getByText('Referencias').isVisible(), 'la grilla explica sus colores con palabras');
    await screenshots(page, '07-grilla');
    await page.getByRole('link', { name: /Primer turno disponible/ }).click();
    confirmUrl = page.url();
    await page.getByLabel(/Motivo del turno/).fill('Control anual');
    await screenshots(page, '08-confirmar');
    await page.getByRole('button', { name: 'Confirmar turno' }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Turno insertado');
    await screenshots(page, '09-turno-insertado');
    for (const name of ['Tomar nuevo turno', 'Ver mis turnos']) {
      assert.ok(await page.getByRole('link', { name }).isVisible(), `falta ${name}`);
    }
    assert.ok(await page.getByRole('button', { name: 'Finalizar (cerrar sesión)' }).isVisible());

    const slip = page.getByRole('link', { name: 'Imprimir detalle del turno' });
    const pdf = await page.request.get(new URL(String(await slip.getAttribute('href')), page.url()).href);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');

    const confirmation = await waitForSubject(sink, EMAIL, /turno/i);
    assert.ok(confirmation.attachments.some((a) => a.filename.endsWith('.ics') && /BEGIN:VEVENT/.test(a.content)));
  });

  it('el mismo horario otra vez: la regla rota aparece como una frase en la misma página', async () => {
    await page.goto(confirmUrl);
    await page.getByLabel(/Motivo del turno/).fill('Otro control');
    await page.getByRole('button', { name: 'Confirmar turno' }).click();
    const alert = await page.getByRole('alert').first().innerText();
    assert.match(alert, /Ese horario ya fue tomado|Ya tenés un turno ese día/);
    assert.equal(await page.getByLabel(/Motivo del turno/).inputValue(), 'Otro control');
  });

  it('ve el turno en Mis turnos y lo cancela con una confirmación', async () => {
    await page.getByRole('link', { name: 'Mis turnos' }).first().click();
    const text = await page.locator('main').innerText();
    assert.match(text, /GONZALEZ/);
    assert.match(text, /reservado/);
    await screenshots(page, '10-mis-turnos');
    await page
      .getByRole('link', { name: /Cancelar turno/ })
      .first()
      .click();
    await screenshots(page, '11-cancelar');
    await page.getByRole('button', { name: 'Sí, cancelar' }).click();
    await page.goto(`${baseUrl}/mis-turnos`);
    assert.match(await page.locator('main').innerText(), /cancelado/);
  });

  it('«Seguir conectado» cuando la sesión ya terminó en el servidor lleva a ingresar, no finge seguir', async () => {
    // Still logged in from the journey above.
    const open = await context.newPage();
    await open.goto(`${baseUrl}/mis-datos`);
    await open.getByRole('button', { name: 'Salir' }).waitFor();
    // The session ends on the server while the browser keeps its cookie (a laptop asleep past the idle time).
    const db = createDb(parseDatabaseUrl(database));
    await db.db.deleteFrom('sessions').execute();
    await db.close();
    // The warning of the page, as its timer would open it.
    await open.evaluate(() => (document.getElementById('idle-warning') as HTMLDialogElement).showModal());
    await open.getByRole('button', { name: 'Seguir conectado' }).click();
    await open.waitForURL(/\/ingresar/, { timeout: 10_000 });
    await open.close();
  });

  it('sin actividad, avisa antes y después cierra la sesión con el mensaje del manual', async () => {
    // A second process on the same database with a 6-second idle time: sessions live in the database.
    const quick = new TurneroProcess(['serve'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database,
      PATIENT_IDLE_SECONDS: '6',
    });
    try {
      const quickUrl = await quick.ready();
      const lockPage = await context.newPage();
      await logIn(lockPage, quickUrl);
      await lockPage.goto(`${quickUrl}/mis-datos`);
      await lockPage.getByRole('dialog').waitFor({ state: 'visible', timeout: 10_000 });
      assert.match(await lockPage.getByRole('dialog').innerText(), /Tu sesión se va a cerrar pronto/);
      await lockPage
        .getByText('Ha estado inactivo más de 6 segundos. Por seguridad se cerró su sesión.')
        .first()
        .waitFor({
          timeout: 15_000,
        });
      assert.ok(lockPage.url().includes('/ingresar'), `quedó en ${lockPage.url()}`);
      await screenshots(lockPage, '12-sesion-cerrada');
    } finally {
      await quick.dispose();
    }
  });
});

async function waitForSubject(sink: SmtpSink, to: string, subject: RegExp) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = sink.to(to).find((m) => subject.test(m.subject) && m.attachments.length > 0);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no llegó el mail de confirmación a ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
