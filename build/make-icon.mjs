/* global process, document, console */
// Draws build/icon.png (512×512, what electron-builder turns into .ico/.icns/desktop icons): a blue
// rounded square with 访 (visit) and a ledger's ruled lines. Rendered by the Chromium the e2e tests
// use; run `node build/make-icon.mjs` after changing the design and commit the PNG.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:512px;height:512px;display:flex;align-items:center;justify-content:center">
  <div style="position:relative;width:448px;height:448px;border-radius:96px;background:linear-gradient(160deg,#2f7de1,#1557b0);
              box-shadow:inset 0 -10px 0 rgba(0,0,0,.12);overflow:hidden">
    <div style="position:absolute;left:64px;right:64px;top:330px;height:14px;border-radius:7px;background:rgba(255,255,255,.55)"></div>
    <div style="position:absolute;left:64px;right:140px;top:366px;height:14px;border-radius:7px;background:rgba(255,255,255,.35)"></div>
    <div style="position:absolute;left:0;right:0;top:40px;text-align:center;color:#fff;
                font:700 250px/290px 'Noto Sans CJK SC','Noto Sans SC',sans-serif">访</div>
  </div>
</div></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
