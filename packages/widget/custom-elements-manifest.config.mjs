/** `cem analyze`: the custom elements manifest, read from the element's JSDoc header. */
import { jsxTypesPlugin } from './scripts/jsx-types.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also lists every `dispatchEvent(new …Event())` as a nameless event: the
      // `@event` tags of the JSDoc header already name and describe them.
      name: 'named-events-and-public-attributes-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            // Reactive state is declared in `static properties` beside the attributes, marked
            // `state: true`, which the analyzer does not read: private fields are not attributes.
            const privateFields = new Set(
              (declaration.members ?? [])
                .filter((member) => member.privacy === 'private' || member.privacy === 'protected')
                .map((member) => member.name),
            );
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !privateFields.has(attribute.fieldName),
              );
            }
            if (!declaration.events) continue;
            declaration.events = declaration.events.filter(
              (event) =>
                (event.name?.startsWith('serial-lookup-') ||
                  event.name?.startsWith('serialkit-')) &&
                event.description,
            );
          }
        }
      },
    },
    // Then the JSX types for React, Preact and Solid, from the finished manifest (dist/jsx/).
    jsxTypesPlugin(),
  ],
};
