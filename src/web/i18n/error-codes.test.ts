import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { uk } from './uk.ts';

/** The repository's `src` folder. */
const srcDir = fileURLToPath(new URL('../../', import.meta.url));

/** Every non-test TypeScript file under a folder, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The codes of every `new DomainError('<code>', …)` in the server and the domain. */
function domainErrorCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of [...sourceFiles(join(srcDir, 'server')), ...sourceFiles(join(srcDir, 'domain'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*'([a-z_]+)'/g)) codes.add(m[1] as string);
  }
  return codes;
}

/** The keys of the status map in server/http/problems.ts. */
function statusMapCodes(): Set<string> {
  const text = readFileSync(join(srcDir, 'server', 'http', 'problems.ts'), 'utf8');
  const map = /const statusByCode[^=]*=\s*\{([^}]*)\}/.exec(text);
  if (!map) throw new Error('statusByCode not found in src/server/http/problems.ts');
  return new Set([...(map[1] as string).matchAll(/^\s*([a-z_]+)\s*:/gm)].map((m) => m[1] as string));
}

const catalogues: Record<string, Record<string, string>> = {
  uk: uk.errors as Record<string, string>,
  en: en.errors as Record<string, string>,
};

describe('error codes the server sends', () => {
  const fromDomain = domainErrorCodes();
  const fromStatusMap = statusMapCodes();

  it('finds the codes in the sources', () => {
    // Guards against a broken scan passing vacuously.
    expect(fromDomain.size).toBeGreaterThan(50);
    expect(fromStatusMap.has('version_conflict')).toBe(true);
  });

  it.each(Object.keys(catalogues))('each has a non-empty errors.<code> message in %s', (lang) => {
    const messages = catalogues[lang] as Record<string, string>;
    const codes = [...new Set([...fromDomain, ...fromStatusMap])].sort();
    const missing = codes.filter((code) => {
      const message = messages[code];
      return typeof message !== 'string' || message.trim() === '';
    });
    expect(missing, `codes without errors.<code> in ${lang}.ts: ${missing.join(', ')}`).toEqual([]);
  });
});
