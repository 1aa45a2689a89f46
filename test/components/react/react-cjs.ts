/**
 * React and react-dom ship CommonJS only, and the test runner's dev server serves node_modules
 * untransformed: `import { createRoot } from 'react-dom/client'` fails with "does not provide an
 * export named 'createRoot'". This helper evaluates their CommonJS files in the page (one shared
 * React instance), then maps the URL the dev server gives `react` to an ES module re-exporting
 * it through a dynamically added import map (Chromium merges import maps added after load), so
 * `src/react.ts` runs unchanged. Import `src/react.ts` only after {@link loadReact} resolves.
 */

type CjsModule = { exports: Record<string, unknown> };

const REQUIRE = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

/** The URL of a `require()`d id: package roots are `index.js`, subpaths `<path>.js`. */
function resolveId(id: string, from: string): string {
  if (id.startsWith('.')) return new URL(id, from).href;
  const [scopeOrName, ...rest] = id.split('/');
  const file = rest.length ? `${rest.join('/')}.js` : 'index.js';
  return new URL(`/node_modules/${scopeOrName}/${file}`, location.href).href;
}

/** Fetches `url` and everything it `require`s, for synchronous evaluation afterwards. */
async function fetchGraph(url: string, sources: Map<string, string>): Promise<void> {
  if (sources.has(url)) return;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const source = await response.text();
  sources.set(url, source);
  const deps = [...source.matchAll(REQUIRE)].map((match) => resolveId(match[1]!, url));
  await Promise.all(deps.map((dep) => fetchGraph(dep, sources)));
}

function evaluate(url: string, sources: Map<string, string>, cache: Map<string, CjsModule>) {
  const cached = cache.get(url);
  if (cached) return cached.exports;
  const module: CjsModule = { exports: {} };
  cache.set(url, module);
  const source = sources.get(url);
  if (source === undefined) throw new Error(`${url} was not prefetched`);
  const run = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${url}`);
  run(module, module.exports, (id: string) => evaluate(resolveId(id, url), sources, cache));
  return module.exports;
}

/** An ES module (blob URL) re-exporting every identifier-named key of `value`, plus default. */
function esModuleUrl(globalKey: string, value: Record<string, unknown>): string {
  const names = Object.keys(value).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  const source =
    `const m = globalThis[${JSON.stringify(globalKey)}];\nexport default m;\n` +
    names.map((n) => `export const ${n} = m.${n};`).join('\n');
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

export interface ReactModules {
  React: typeof import('react');
  ReactDOMClient: typeof import('react-dom/client');
}

let loaded: Promise<ReactModules> | undefined;

/** Loads React and react-dom/client once per page and maps `react` for later ES imports. */
export function loadReact(): Promise<ReactModules> {
  loaded ??= (async () => {
    const reactUrl = resolveId('react', location.href);
    const clientUrl = resolveId('react-dom/client', location.href);
    const sources = new Map<string, string>();
    await Promise.all([fetchGraph(reactUrl, sources), fetchGraph(clientUrl, sources)]);
    const cache = new Map<string, CjsModule>();
    const React = evaluate(reactUrl, sources, cache) as unknown as ReactModules['React'];
    const ReactDOMClient = evaluate(
      clientUrl,
      sources,
      cache,
    ) as unknown as ReactModules['ReactDOMClient'];
    const key = '__cuecartTestReact';
    (globalThis as Record<string, unknown>)[key] = React;
    const map = document.createElement('script');
    map.type = 'importmap';
    map.textContent = JSON.stringify({
      imports: { [reactUrl]: esModuleUrl(key, React as unknown as Record<string, unknown>) },
    });
    document.head.append(map);
    return { React, ReactDOMClient };
  })();
  return loaded;
}
