// photo-crop.js in a real Chromium: a wide picture is chosen, the patient moves the square to its left end, and
// what the server stores is that square as a JPEG, through the same form a browser without JavaScript posts.
// Screenshots of the portal's home and profile at phone and desktop widths go to test-results/screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { withAccount } from '../../src/modules/patients/accounts.test-helpers.js';
import type { Patient } from '../../src/platform/db/schema.js';
import { SESSION_COOKIE } from '../../src/platform/http/sessions.js';
import { browserSkip, launchChromium } from '../support/browser.js';
import { insertPatient } from '../support/factories.js';
import { ROOT } from '../support/server-process.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { WebClient } from '../support/web-client.js';

const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

/** Width and height of a baseline or progressive JPEG, read from its start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1] as number;
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc2)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('no start-of-frame marker');
}

describe('Portal: the profile photo in Chromium', { skip: browserSkip() }, () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let ana: Patient;
  let base = '';

  before(async () => {
    t = await buildTestApp('sqlite');
    ana = await insertPatient(t.ctx.database.db, { lastName: 'ANA' });
    await withAccount(t, ana.id, 'clave de ana');
    await t.ctx.database.db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', ana.id).execute();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE, locale: 'es-AR' });
    const session = (await WebClient.loggedIn(t.app, t.ctx, ana.id)).cookies.get(SESSION_COOKIE) ?? '';
    await context.addCookies([{ name: SESSION_COOKIE, value: session, url: base }]);
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the chosen square is what gets uploaded, cropped and as a JPEG', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // The browser asks for /favicon.ico on its own; anything else that fails is ours.
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${base}/portal/perfil`);
    // A 300×150 picture: red on the left half, blue on the right.
    const wide = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 300;
      canvas.height = 150;
      const c = canvas.getContext('2d') as CanvasRenderingContext2D;
      c.fillStyle = '#ff0000';
      c.fillRect(0, 0, 150, 150);
      c.fillStyle = '#0000ff';
      c.fillRect(150, 0, 150, 150);
      return canvas.toDataURL('image/png').split(',')[1] as string;
    });
    assert.equal(await page.isVisible('[data-crop-box]'), false);
    await page.setInputFiles('#f-foto', {
      name: 'ancha.png',
      mimeType: 'image/png',
      buffer: Buffer.from(wide, 'base64'),
    });
    await page.waitForSelector('[data-crop-box]:not([hidden])');
    // The square all the way to the left: only red.
    await page.fill('#crop-x', '0');
    await page.dispatchEvent('#crop-x', 'input');
    await page.screenshot({ path: path.join(SHOTS, 'portal-perfil-recorte-telefono.png'), fullPage: true });
    await Promise.all([page.waitForURL(/ok=foto/), page.click('button:has-text("Subir foto")')]);
    assert.match((await page.textContent('main')) ?? '', /Guardamos tu foto/);

    const key = (
      await t.ctx.database.db
        .selectFrom('webAccounts')
        .select('photoKey')
        .where('patientId', '=', ana.id)
        .executeTakeFirstOrThrow()
    ).photoKey;
    const stored = await t.ctx.files.get(key);
    assert.ok(stored);
    assert.deepEqual([...stored.subarray(0, 3)], [0xff, 0xd8, 0xff], 'stored as JPEG');
    assert.deepEqual(jpegSize(stored), { width: 150, height: 150 });
    const center = await page.evaluate(async () => {
      const img = document.querySelector('img.profile-photo') as HTMLImageElement;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const c = canvas.getContext('2d') as CanvasRenderingContext2D;
      c.drawImage(img, 0, 0);
      return [...c.getImageData(75, 75, 1, 1).data];
    });
    assert.ok((center[0] ?? 0) > 200 && (center[2] ?? 255) < 60, `the left (red) square was kept: ${center}`);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: path.join(SHOTS, 'portal-perfil-telefono.png'), fullPage: true });
    await page.goto(`${base}/portal`);
    await page.screenshot({ path: path.join(SHOTS, 'portal-inicio-telefono.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(SHOTS, 'portal-inicio-escritorio.png'), fullPage: true });
    await page.goto(`${base}/portal/perfil`);
    await page.screenshot({ path: path.join(SHOTS, 'portal-perfil-escritorio.png'), fullPage: true });
    // Nothing sticks out sideways on a phone.
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the profile is ${overflow}px wider than a phone`);
    await page.close();
  });
});
