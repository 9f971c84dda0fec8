import { benchLint } from './lint.js';
import { benchScan } from './scan.js';
import { benchStartup } from './startup.js';

// `npm run bench`: each benchmark prints its figures measured side by side in this one run.
const only = process.argv[2];
const benches: Record<string, () => Promise<string>> = {
  startup: () => benchStartup(),
  lint: () => benchLint(),
  scan: () => benchScan(),
};
for (const [name, bench] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(await bench());
  console.log('');
}
