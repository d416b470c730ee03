// Lantern's own scripts are TypeScript that Node runs by type stripping (on by default from
// Node 22.18 / 23.6). An older Node fails on them with `Unknown file extension ".ts"`, which says
// nothing about the cause, so every entry point (npm install, start, web, test, bench, the CLI)
// loads this check first. Plain JavaScript that old Node versions can parse; no dependencies.
// Type stripping came unflagged in 23.6 and was backported to 22.18: a 23.0-23.5 lacks it.
const FIRST_WITH_STRIPPING = { 22: 18, 23: 6 };

/** The message for a Node version too old to run Lantern, or null when it can. */
export function nodeVersionProblem(version) {
  const [major, minor] = version.split('.').map(Number);
  if (major >= 24 || (major in FIRST_WITH_STRIPPING && minor >= FIRST_WITH_STRIPPING[major])) return null;
  return [
    `Lantern needs Node.js 24 LTS (22.18 or newer in 22, or 23.6 or newer in 23, also work); this is Node ${version}.`,
    'Install Node 24 from https://nodejs.org, or with nvm run `nvm install` in this folder (it reads .nvmrc),',
    'then run the command again.',
  ].join('\n');
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
