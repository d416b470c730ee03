import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Both cores: vitest's default leaves one idle (cores − 1). On the 2-core CI machine two
    // workers ran it in 489 s (the last full run with one: 555 s); the end-to-end tests stay one file at
    // a time (vitest.e2e.config.ts), where two at once were slower.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
