import { defineConfig } from 'vitest/config';

/** End-to-end tests: real web-mode server, real Chromium; one file at a time (2 cores). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for what the page shows; its default (1 s) is shorter than a busy
    // 2-core machine needs between a click and the backend's answer reaching the screen.
    expect: { poll: { timeout: 15_000 } },
  },
});
