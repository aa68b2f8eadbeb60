// publint and are-the-types-wrong as plain functions returning readable problems, so a test can show them all.
import { checkPackage, type Analysis, type Package, type Problem, type ResolutionKind } from '@arethetypeswrong/core';
import { problemAffectsResolutionKind } from '@arethetypeswrong/core/problems';
import { publint, type Options as PublintOptions } from 'publint';
import { formatMessage } from 'publint/utils';

/** attw's `--profile esm-only`: CommonJS resolutions (node10, node16 from CJS) are out of scope. */
const ESM_ONLY_RESOLUTIONS: readonly ResolutionKind[] = ['node16-esm', 'bundler'];

/**
 * Every publint message, suggestions included, with warnings raised to errors (`--strict`).
 * For in-memory `{ files }`, `pkgDir` is their shared folder (`package` in a tarball's layout).
 */
export async function publintProblems(pack: NonNullable<PublintOptions['pack']>, pkgDir?: string): Promise<string[]> {
  const { messages, pkg } = await publint({ pack, strict: true, level: 'suggestion', ...(pkgDir ? { pkgDir } : {}) });
  return messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg, { color: false }) ?? ''}`);
}

/** are-the-types-wrong problems that matter to ESM consumers (Node ESM and bundlers). */
export async function typeProblems(pkg: Package): Promise<string[]> {
  const result = await checkPackage(pkg);
  if (result.types === false) return ['the package ships no types'];
  const analysis: Analysis = result;
  return analysis.problems
    .filter((problem) => ESM_ONLY_RESOLUTIONS.some((kind) => problemAffectsResolutionKind(problem, kind, analysis)))
    .map(describeProblem);
}

function describeProblem(problem: Problem): string {
  const where = 'entrypoint' in problem ? ` at ${problem.entrypoint} (${problem.resolutionKind})` : '';
  return `${problem.kind}${where}: ${JSON.stringify(problem)}`;
}

/** The tarball's bytes as the ArrayBuffer publint wants. */
export function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
