/**
 * `npm start`: build the site when its inputs changed since the last build, then serve `dist/`
 * on http://localhost:4321 (under BASE when set) with `astro preview`.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { config } from '../src/config.ts';

const root = process.cwd();
const stamp = path.join(root, 'dist', 'index.html');
const { digestsDir, notesDir, topicsFile, ledgerFile } = config();
const inputs = [digestsDir, notesDir, topicsFile, ledgerFile, 'src', 'public', 'astro.config.mjs', 'package-lock.json'];

/** Newest modification time below `p` (0 when it does not exist). */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), stat.mtimeMs);
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = inputs.map((p) => path.resolve(root, p)).some((p) => newest(p) > builtAt);
if (changed || process.argv.includes('--rebuild')) {
  console.log(builtAt ? 'Inputs changed since the last build: rebuilding.' : 'No build yet: building.');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  // Rejected entries do not fail the build (the report lists them); a lost permalink or a broken note does.
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log('dist/ is up to date.');
}
const server = spawn('astro', ['preview', '--port', '4321'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
