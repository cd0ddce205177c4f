#!/usr/bin/env node
// npm's prepack/postpack of @faultline/core: copies the repository's templates/ into the package
// (packages/core/templates, where an installed core looks first) for the tarball, and removes the
// copy afterwards so that in this repository the render stage always reads templates/ itself.
//   node scripts/pack-templates.js          # copy (prepack)
//   node scripts/pack-templates.js --remove # remove the copy (postpack)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const copy = path.join(root, 'packages/core/templates');
fs.rmSync(copy, { recursive: true, force: true });
if (!process.argv.includes('--remove')) fs.cpSync(path.join(root, 'templates'), copy, { recursive: true });
