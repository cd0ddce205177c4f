// A file's findings do not depend on which files the process linted before it. Calls into the
// project are followed a fixed number of levels down (test/fixtures/project-depth): `warm.ts` calls
// a function whose Redis call is three levels below it (reported), `entry.ts` one level more (not
// reported). Answers kept for other files once let `entry.ts` borrow the deeper look made for
// `warm.ts`, so it was reported after `warm.ts` and not alone: the same CI run gave different
// findings depending on file order. A project with TypeScript and JavaScript files
// (test/fixtures/project-mixed): a TypeScript module first read for a JavaScript file (espree cannot
// parse it) once left its facts empty for every file after.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { ROOT } from '../helpers/engines.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/project-depth');
const MIXED = path.join(ROOT, 'test/fixtures/project-mixed');

/**
 * The require-timeout findings of one fixture file, as `file:line:messageId`, in this process:
 * TypeScript files with typescript-eslint's parser, JavaScript files with ESLint's own.
 */
function lint(file: string, fixture = FIXTURE): string[] {
  const linter = new Linter({ cwd: fixture });
  const rules: Linter.RulesRecord = { 'faultline/require-timeout': ['error', { checkTests: true }] };
  const config = [
    { files: ['**/*.js'], plugins: { faultline: plugin }, rules },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { faultline: plugin }, rules },
  ] as Linter.Config[];
  const filename = path.join(fixture, 'src', file);
  return linter
    .verify(readFileSync(filename, 'utf8'), config, { filename })
    .map(message => `${file}:${message.line}:${message.messageId ?? message.message}`);
}

describe('project facts and file order', () => {
  it('gives a file the same findings whichever files were linted before it', () => {
    expect(lint('warm.ts')).toEqual(['warm.ts:4:projectCallWithoutDeadline']);
    // Four levels down: past what is followed, after warm.ts as alone.
    expect(lint('entry.ts')).toEqual([]);
    expect(lint('warm.ts')).toEqual(['warm.ts:4:projectCallWithoutDeadline']);
  });

  it('keeps a request found three levels down after a file whose look stopped short of it', () => {
    // `mirror` reaches `f1` at the last level followed, and found nothing below it there.
    expect(lint('deep-fetch.ts')).toEqual(['deep-fetch.ts:4:projectRequestWithoutDeadline']);
    // `f0` reaches the same `f1` a level higher, and its fetch at the last level.
    expect(lint('shallow-fetch.ts')).toEqual(['shallow-fetch.ts:4:projectRequestWithoutDeadline']);
  });

  it('reads a TypeScript module the same for a JavaScript file as for a TypeScript one, whichever comes first', () => {
    expect(lint('legacy.js', MIXED)).toEqual(['legacy.js:5:projectRequestWithoutDeadline']);
    expect(lint('handler.ts', MIXED)).toEqual(['handler.ts:4:projectRequestWithoutDeadline']);
  });
});
