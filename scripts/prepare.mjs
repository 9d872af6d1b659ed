// `prepare`: build dist/ when the sources are here: on `npm install` from git, `npm pack`, and
// `npm ci` in a checkout. Nothing to build before the sources are copied (the Docker image's
// dependency layer), so nothing is done then.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('src') && existsSync('tsconfig.build.json')) {
  execSync('npm run build', { stdio: 'inherit' });
}
