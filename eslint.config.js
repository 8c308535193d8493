// Lint: typescript-eslint's recommended rules plus the layer rules of docs/ARCHITECTURE.md,
// expressed as forbidden imports per folder (domain ← contracts ← server/web; cli → server; nothing → web/cli).
import tseslint from 'typescript-eslint';

// An import of another layer, by subpath (#server/...) or by relative path (../server/...).
const layer = (names) => [`^#(${names.join('|')})/`, `^(\\.\\./)+(src/)?(${names.join('|')})/`];
const restrict = (regexes, message) => ({ 'no-restricted-imports': ['error', { patterns: regexes.map((regex) => ({ regex, message })) }] });
const builtins = '^(node:.*|fs|path|os|child_process|http|https|net|crypto)$';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '.tools/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([...layer(['contracts', 'server', 'web', 'cli', 'test']), builtins, '^(pg|kysely|fastify|react)$'], 'domain/ is pure: it imports nothing of ours outside domain and does no I/O.'),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: restrict([...layer(['server', 'web', 'cli', 'test']), builtins], 'contracts/ may import only domain/.'),
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts'],
    rules: restrict(layer(['web', 'cli', 'test']), 'server/ imports domain/ and contracts/, never web/ or cli/.'),
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['src/web/**/*.test.ts'],
    rules: restrict([...layer(['server', 'cli', 'test']), builtins, '^(pg|kysely|fastify)$'], 'web/ imports domain/ and contracts/, never server/ or cli/.'),
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/**/*.test.ts'],
    rules: restrict(layer(['web', 'test']), 'cli/ calls server/ services directly; it never imports web/.'),
  },
);
