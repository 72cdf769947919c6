// Checks what the console's first page load costs: every script, preloaded
// module and stylesheet that dist/index.html references, gzipped. GraphiQL and
// Monaco belong to /playground only and must never show up here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 250;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);

let jsTotal = 0;
let cssTotal = 0;
for (const asset of assets) {
  const body = readFileSync(join(dist, asset));
  const kb = gzipSync(body, { level: 9 }).length / 1024;
  if (asset.endsWith('.css')) cssTotal += kb;
  else jsTotal += kb;
  if (/monaco|graphiql|playground/i.test(asset) || /monaco-editor|GraphiQL/.test(body.toString('utf8', 0, 4096))) {
    console.error(`FAIL: ${asset} belongs to the playground, not the console`);
    process.exitCode = 1;
  }
  console.log(`${kb.toFixed(1).padStart(7)} KB  ${asset}`);
}
console.log(`${jsTotal.toFixed(1).padStart(7)} KB  JavaScript, gzipped (limit ${LIMIT_KB} KB)`);
console.log(`${cssTotal.toFixed(1).padStart(7)} KB  CSS, gzipped`);
if (jsTotal > LIMIT_KB) {
  console.error(`FAIL: the first load's JavaScript is over ${LIMIT_KB} KB gzipped`);
  process.exitCode = 1;
}
