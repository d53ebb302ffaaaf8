// Makes sure a Chromium exists for the end-to-end tests and Lighthouse. Where none is found
// and we run as root on a machine with apt, installs Debian's package; otherwise stops with
// a message that says exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.js';

const found = findChromium();
if (found) {
  console.log(`Chromium: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian’s chromium package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const after = findChromium();
  if (after) {
    console.log(`Chromium: ${after}`);
    process.exit(0);
  }
}

console.error(
  [
    'No Chromium found for the end-to-end tests.',
    'Install one of these, then run the command again:',
    '  - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)',
    '  - or set CHROME_PATH to a Chrome/Chromium executable',
    '  - or, where downloads are allowed: npx playwright install chromium',
  ].join('\n'),
);
process.exit(1);
