#!/usr/bin/env node
// The `lantern` bin: checks the Node version, then loads the TypeScript CLI, which Node runs by
// type stripping. The import is dynamic so that an older Node reads the version message first.
import '../scripts/require-node.js';

await import('../electron/cli/main.ts');
