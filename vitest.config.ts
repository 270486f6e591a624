import { defineConfig } from 'vitest/config';

// One config, three projects: `npm test` runs unit+integration under plain Node, `npm run e2e` drives
// Chromium through the web bridge, `npm run bench` measures and rewrites BENCHMARKS.md.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/bench/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'bench',
          include: ['test/bench/**/*.bench.ts'],
          environment: 'node',
          // The catch-up benchmark stages 50 000 mined blocks and catches a LETS up eleven times, every header it reads checked.
          testTimeout: 2_400_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
