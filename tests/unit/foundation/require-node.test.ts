import { describe, expect, test } from 'vitest';
// @ts-expect-error plain JavaScript on purpose: it must parse on Node versions too old for .ts
import { nodeVersionProblem } from '../../../scripts/require-node.js';

describe('the Node version check every entry point runs first', () => {
  test('an end-of-life Node is told which version to install and how', () => {
    const message: string = nodeVersionProblem('20.20.2');
    expect(message).toContain('Lantern needs Node.js 24 LTS');
    expect(message).toContain('this is Node 20.20.2');
    expect(message).toContain('nvm install');
  });

  test('a Node 22 without type stripping by default is refused, one with it is accepted', () => {
    expect(nodeVersionProblem('22.12.0')).toContain('22.18 or newer');
    expect(nodeVersionProblem('22.18.0')).toBeNull();
  });

  test('a Node 23 before 23.6 is refused as well', () => {
    // 23.0-23.5 are newer than 22.18 but strip types only behind a flag.
    expect(nodeVersionProblem('23.5.0')).toContain('this is Node 23.5.0');
    expect(nodeVersionProblem('23.0.0')).toContain('23.6 or newer');
    expect(nodeVersionProblem('23.6.0')).toBeNull();
  });

  test('Node 24 and later run Lantern', () => {
    expect(nodeVersionProblem('24.0.0')).toBeNull();
    expect(nodeVersionProblem('26.1.0')).toBeNull();
  });
});
