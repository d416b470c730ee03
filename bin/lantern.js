#!/usr/bin/env node
// The `lantern` bin: loads the TypeScript CLI, which Node (>= 22.18 / 23.6) runs by type stripping.
import '../electron/cli/main.ts';
