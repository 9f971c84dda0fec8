import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Spawned CLIs, ESLint runs and the packed-tarball install compete for two cores.
    maxWorkers: 2,
  },
});
