/**
 * Whether any string (or object key) in a parsed request part holds U+0000. PostgreSQL text cannot store it, so such
 * input is refused up front as invalid instead of failing in the database (found by the fuzz test).
 * Iterative, so deeply nested bodies cannot overflow the stack.
 */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (key.includes('\u0000')) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}
