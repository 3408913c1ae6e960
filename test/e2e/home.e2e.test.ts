// A new user's first minutes: `bin/turnero start` on a new database loads the demo center, and
// a phone-sized Chromium shows the home page, the API docs, and live availability. The server
// runs as a real child process so that startup, logging and SIGTERM are what an operator gets.
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, what a patient reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkip, launchChromium } from '../support/browser.js';
import { TurneroProcess } from '../support/server-process.js';

const PHONE = { width: 360, height: 740 };

describe('turnero start en una base nueva, visto desde Chromium', { skip: browserSkip(), timeout: 60_000 }, () => {
  let dir: string;
  let server: TurneroProcess | undefined;
  let baseUrl: string;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  before(async () => {
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-e2e-'));
    server = new TurneroProcess(['start'], { PORT: '0', DATABASE_URL: `sqlite:${path.join(dir, 'turnero.db')}` });
    baseUrl = await server.ready();
    context = await browser.newContext({ viewport: PHONE, locale: 'es-AR' });
    context.setDefaultTimeout(15_000);
    context.on('request', (request) => requested.push(request.url()));
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('la portada muestra el centro demo, su contacto y sus especialidades, y entra en un celular de 360 px', async () => {
    const response = await page.goto(baseUrl);
    assert.equal(response?.status(), 200);
    assert.equal(
      await page.getByRole('heading', { level: 1 }).innerText(),
      'Bienvenido al portal de turnos de CENTRO MEDICO DEMO',
    );
    assert.ok(
      await page.getByRole('link', { name: 'CENTRO MEDICO DEMO' }).isVisible(),
      'falta el nombre del centro arriba',
    );
    assert.ok(
      await page.getByText('Para Laboratorio y Rayos presentarse sin turno.', { exact: false }).isVisible(),
      'falta la frase de bienvenida del centro',
    );

    const contact = await page.locator('address').innerText();
    assert.match(contact, /Teléfono: 4444-4444/);
    assert.match(contact, /Lunes a Viernes de 10 a 18hs\./);
    const mail = page.getByRole('link', { name: 'info@centromedicodemo.com.ar' });
    assert.ok(await mail.isVisible(), 'falta el e-mail de contacto');
    assert.equal(await mail.getAttribute('href'), 'mailto:info@centromedicodemo.com.ar');

    const specialties = page.getByRole('region', { name: 'Especialidades y profesionales' });
    assert.ok(await specialties.isVisible(), 'falta la lista de especialidades');
    const items = await specialties.getByRole('listitem').allInnerTexts();
    for (const name of ['Cardiología', 'Clínica médica', 'Pediatría', 'Traumatología']) {
      const item = items.find((text) => text.startsWith(`${name}: `));
      assert.ok(item, `falta ${name} en ${JSON.stringify(items)}`);
      assert.match(item, /: [A-ZÁÉÍÓÚÑ]{2,} \p{L}/u, `${name} no nombra a sus profesionales: ${item}`);
    }

    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(scrollWidth <= PHONE.width, `la portada se corre de costado en un celular: ancho ${scrollWidth} px`);
  });

  it('/api/docs muestra la documentación interactiva con las operaciones, sin pedir nada afuera', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const response = await page.goto(new URL('/api/docs', baseUrl).toString());
    assert.equal(response?.status(), 200);
    await page.getByRole('heading', { name: /Turnero API/ }).waitFor();
    for (const operation of ['/api/v1/availability', '/api/v1/appointments']) {
      // Swagger UI renders the path client-side, with zero-width spaces so long paths can wrap.
      const summary = page.locator(`.opblock-summary-path[data-path="${operation}"]`).first();
      await summary.waitFor({ state: 'visible' });
      assert.equal((await summary.innerText()).replace(/\u200b/g, ''), operation);
    }
    assert.deepEqual(pageErrors, []);
    const origin = new URL(baseUrl).origin;
    const outside = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
    assert.deepEqual(outside, [], 'las páginas no deben pedir recursos a terceros');
  });

  it('desde la página, la API da horarios libres de Cardiología a los mismos profesionales que muestra la portada', async () => {
    await page.goto(baseUrl);
    const cardiology = (await page.getByRole('listitem').filter({ hasText: 'Cardiología:' }).innerText())
      .replace('Cardiología: ', '')
      .split(', ');
    const result = await page.evaluate(async () => {
      const specialties = (await (await fetch('/api/v1/specialties')).json()) as { id: number; webName: string }[];
      const id = specialties.find((s) => s.webName === 'Cardiología')?.id;
      const response = await fetch(`/api/v1/availability?specialtyId=${id}`);
      return { status: response.status, body: await response.json() };
    });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const body = result.body as {
      professionals: {
        professional: { fullName: string };
        firstFree: { start: string } | null;
        slots: { free: boolean }[];
      }[];
    };
    assert.deepEqual(body.professionals.map((p) => p.professional.fullName).sort(), [...cardiology].sort());
    const free = body.professionals.flatMap((p) => p.slots.filter((s) => s.free));
    assert.ok(free.length > 0, 'ningún horario libre en la semana de Cardiología');
    for (const p of body.professionals) {
      if (p.firstFree)
        assert.ok(Date.parse(p.firstFree.start) > Date.now(), `primer libre en el pasado: ${p.firstFree.start}`);
    }
  });

  it('SIGTERM lo detiene en orden con código 0, y el log contó que cargó la demo', async () => {
    assert.ok(server);
    const stopped = await server.stop(5_000);
    assert.deepEqual(stopped, { code: 0, signal: null }, server.describe());
    const messages = server.logs.map((l) => l.msg ?? '');
    assert.ok(
      messages.some((m) => m.includes('loaded the demo center "CENTRO MEDICO DEMO"')),
      `el log no dice que cargó la demo:\n${server.describe()}`,
    );
    assert.ok(messages.includes('stopped'), `el log no registra el cierre:\n${server.describe()}`);
    const errors = server.logs.filter((l) => l.level >= 50);
    assert.deepEqual(errors, [], 'el servidor registró errores');
  });
});
