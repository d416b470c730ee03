/** Harness bundle entry for Run: console, prompt and timers, no test API. Runs INSIDE QuickJS. */
import { installHarness } from './harness.ts';
import type { HarnessControl, SandboxHost } from './host.ts';

export function install(host: SandboxHost, realm: typeof globalThis): HarnessControl {
  return installHarness(host, realm, null);
}
