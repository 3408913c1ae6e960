// Browser journeys run in Debian's Chromium through playwright-core: no browser download, the
// same binary on a laptop and on CI. A laptop without Chromium skips them (npm install && npm test
// must still pass there); CI fails instead, because a silently skipped journey proves nothing.
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function chromiumFound(): boolean {
  try {
    fs.accessSync(chromiumPath(), fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

const MISSING = 'Chromium no encontrado: instalalo con apt-get install chromium o definí CHROMIUM_PATH';

/**
 * The `skip` option for a browser suite: a visible reason when Chromium is missing on a
 * developer machine; false on CI, so that launchChromium() fails the suite loudly.
 */
export function browserSkip(): string | false {
  if (chromiumFound() || onCi()) return false;
  return `${MISSING} (buscado en ${chromiumPath()})`;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!chromiumFound()) {
    throw new Error(
      `${MISSING}. Buscado en ${executablePath}. En CI las pruebas en navegador son obligatorias (CI=${process.env.CI}).`,
    );
  }
  return chromium.launch({ executablePath, args: FLAGS, timeout: 30_000 });
}
