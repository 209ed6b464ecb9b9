/** `cem analyze`: the custom elements manifest, read from the element's JSDoc header. */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also lists every `dispatchEvent(new …Event())` as a nameless event: the
      // `@event` tags of the JSDoc header already name and describe them.
      name: 'named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            declaration.events = declaration.events.filter(
              (event) => event.name?.startsWith('serial-lookup-') && event.description,
            );
          }
        }
      },
    },
  ],
};
