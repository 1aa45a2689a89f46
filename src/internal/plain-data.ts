/** Deepest nesting {@link plainCopy} follows; deeper data is refused. */
export const MAX_PLAIN_DEPTH = 32;

/**
 * A plain-data copy of a value a host handed over (a property value, an entry of `productList`
 * or `cueList`): strings, numbers, booleans and null as they are; arrays and objects by their
 * own enumerable string-keyed properties, into null-prototype-free plain objects; functions,
 * symbols and `undefined` left out. Reading happens once, here: a getter, `toString` or proxy
 * trap that throws makes this throw (the caller drops that entry), and nothing later can run
 * host code by reading the copy. Nesting deeper than `maxDepth` throws too.
 */
export function plainCopy(value: unknown, maxDepth = MAX_PLAIN_DEPTH): unknown {
  return copy(value, maxDepth, new Set());
}

function copy(value: unknown, depth: number, path: Set<object>): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
      ? undefined
      : value;
  }
  if (depth <= 0) throw new RangeError('nested too deeply');
  if (path.has(value)) throw new TypeError('refers to itself');
  path.add(value);
  try {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out.push(copy(value[i], depth - 1, path));
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = copy((value as Record<string, unknown>)[key], depth - 1, path);
      if (item !== undefined) out[key] = item;
    }
    return out;
  } finally {
    path.delete(value);
  }
}

/**
 * Copies a host-given list entry by entry ({@link plainCopy}): entries that cannot be read are
 * left out and described in `problems` (`[index]: why`), the others kept. A value that is not an
 * array gives no entries and one problem.
 */
export function copyEntries(list: unknown): { entries: unknown[]; problems: string[] } {
  const problems: string[] = [];
  const entries: unknown[] = [];
  let length: number;
  try {
    if (!Array.isArray(list)) return { entries, problems: ['expected an array'] };
    length = list.length;
  } catch (error) {
    return { entries, problems: [`could not be read (${describe(error)})`] };
  }
  for (let i = 0; i < length; i++) {
    try {
      entries.push(plainCopy((list as unknown[])[i]));
    } catch (error) {
      problems.push(`[${i}]: ${describe(error)}`);
    }
  }
  return { entries, problems };
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message || error.name : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
