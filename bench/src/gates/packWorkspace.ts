// Packs the publishable packages exactly as `pnpm publish` would, and lays the tarballs out as an installed
// node_modules tree, so the checks see what users get, not the workspace.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Every package users install, by folder under packages/. */
export const PUBLISHED = ['core', 'react', 'server', 'sandbox'] as const;
export type PublishedFolder = (typeof PUBLISHED)[number];

export interface PackedPackage {
  folder: PublishedFolder;
  name: string;
  tarball: string;
  /** Where the tarball is unpacked: `<root>/node_modules/<name>`. */
  installDir: string;
  manifest: Record<string, unknown> & { dependencies?: Record<string, string> };
}

export interface PackedWorkspace {
  /** A folder whose node_modules holds the unpacked packages and links to their third-party dependencies. */
  root: string;
  packages: Record<PublishedFolder, PackedPackage>;
  dispose(): void;
}

/**
 * `pnpm pack`s each published package into a temp folder and unpacks it into `<root>/node_modules`.
 * Third-party dependencies and peers are linked from the workspace's own install (nothing is downloaded).
 * Needs `pnpm build` to have run.
 */
export function packWorkspace(): PackedWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'dots-flow-packed-'));
  const tarballs = join(root, 'tarballs');
  mkdirSync(tarballs);
  const packages = {} as Record<PublishedFolder, PackedPackage>;
  for (const folder of PUBLISHED) {
    const source = join(REPO_DIR, 'packages', folder);
    const before = new Set(readdirSync(tarballs));
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: source, stdio: 'pipe' });
    const tarball = readdirSync(tarballs).find((file) => !before.has(file) && file.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for packages/${folder}`);
    const { name } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { name: string };
    const installDir = join(root, 'node_modules', name);
    mkdirSync(installDir, { recursive: true });
    execFileSync('tar', ['-xzf', join(tarballs, tarball), '-C', installDir, '--strip-components=1']);
    const manifest = JSON.parse(readFileSync(join(installDir, 'package.json'), 'utf8')) as PackedPackage['manifest'];
    packages[folder] = { folder, name, tarball: join(tarballs, tarball), installDir, manifest };
  }
  for (const pkg of Object.values(packages)) linkThirdParty(root, pkg);
  return { root, packages, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

function linkThirdParty(root: string, pkg: PackedPackage): void {
  const { dependencies = {}, peerDependencies = {} } = pkg.manifest as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  for (const dep of Object.keys({ ...dependencies, ...peerDependencies })) {
    const target = join(root, 'node_modules', dep);
    if (dep.startsWith('@dots-flow/') || existsSync(target)) continue;
    const candidates = [
      join(REPO_DIR, 'packages', pkg.folder, 'node_modules', dep),
      join(REPO_DIR, 'bench', 'node_modules', dep),
    ];
    const found = candidates.find((dir) => existsSync(dir));
    if (!found) throw new Error(`${pkg.name} depends on ${dep}, which is not installed in the workspace`);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(realpathSync(found), target, 'dir');
  }
}

/** Runs `node <args>` in `cwd` and returns its outcome; never throws for a non-zero exit or a timeout. */
export function runNode(args: readonly string[], cwd: string, timeoutMs = 20_000): NodeRun {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: timeoutMs });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface NodeRun {
  /** `null` when the process was killed, e.g. because it did not exit within the timeout. */
  status: number | null;
  stdout: string;
  stderr: string;
}
