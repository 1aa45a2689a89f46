// Configuration of `npm run analyze` (custom-elements.json for editors and docs).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // Keep package.json as it is: its "customElements" field already points at the output.
  packagejson: false,
  plugins: [
    {
      // Elements dispatch through small helpers (`emit(type, …)`, `request(type, …)`); the
      // analyzer records the variable name as an event. Every real event is `cuecart-*` and is
      // documented with @fires in the element's header.
      name: 'cuecart-only-named-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) =>
                event.name?.startsWith('cuecart-'),
              );
            }
          }
        }
      },
    },
  ],
};
