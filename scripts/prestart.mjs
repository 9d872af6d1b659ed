// Before `npm start`: build when the TypeScript compiler is installed (a development checkout),
// otherwise require the built app (a production image, where dist/ was built in an earlier stage).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('node_modules/typescript')) {
  execSync('npm run build', { stdio: 'inherit' });
} else if (!existsSync("dist/server.js")) {
  console.error('dist/ is missing and TypeScript is not installed: run `npm ci && npm run build` first.');
  process.exit(1);
}
