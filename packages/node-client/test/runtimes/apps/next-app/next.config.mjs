/** @type {import('next').NextConfig} */
export default {
  // Installed from the registry, serialkit is loaded by Node as published rather than bundled.
  serverExternalPackages: ['@serialkit/node-client'],
};
