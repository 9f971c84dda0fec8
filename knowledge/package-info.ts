import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's own package.json, found by walking up: the same code runs from the TypeScript
// sources (tests) and from dist/ (the published build), which sit at different depths.
function findManifest(): { name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.name === 'pick-transport') return manifest;
    } catch {
      // not here; keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return { name: 'pick-transport', version: '0.0.0' };
    dir = parent;
  }
}

export const { name: PACKAGE_NAME, version: PACKAGE_VERSION } = findManifest();
