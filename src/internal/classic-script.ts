import { trustedScriptUrl } from './trusted-types.js';

/** A classic `<script>` Cuecart added, with the value it defined once it ran. */
type ClassicScript<T> = HTMLScriptElement & { cuecartDefined?: T };

/**
 * Loads the classic script `src` once per page and resolves with what it defined. The first call
 * adds `<script async>` (marked by `mark`, found again by `selector`); concurrent and later calls
 * share it. `read` is called by the script's first `load` listener, added before the script can
 * run, so the value is captured before another script can replace the same global. A script that
 * fails to load is removed, so a later call tries again; one that defines nothing rejects. The URL
 * goes through Cuecart's Trusted Types policy (only its own classic builds pass).
 */
export function loadClassicScript<T>(
  src: string,
  selector: string,
  mark: (script: HTMLScriptElement) => void,
  read: () => T | undefined,
): Promise<T> {
  let script = document.querySelector<ClassicScript<T>>(selector);
  if (script?.cuecartDefined !== undefined) return Promise.resolve(script.cuecartDefined);
  return new Promise<T>((resolve, reject) => {
    if (!script) {
      const own = document.createElement('script') as ClassicScript<T>;
      own.src = trustedScriptUrl(src);
      own.async = true;
      mark(own);
      own.addEventListener('load', () => {
        own.cuecartDefined = read();
      });
      own.addEventListener('error', () => own.remove());
      document.head.append(own);
      script = own;
    }
    const loaded = script;
    loaded.addEventListener('load', () =>
      loaded.cuecartDefined !== undefined
        ? resolve(loaded.cuecartDefined)
        : reject(new Error(`${src} defined nothing`)),
    );
    loaded.addEventListener('error', () => reject(new Error(`Could not load ${src}`)));
  });
}
