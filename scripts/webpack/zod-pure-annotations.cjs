// @ts-check
// Webpack loader for zod's own files, in the browser bundles only (next.config.js).
//
// zod marks its schema factories (`z.object`, `z.string`, `z.enum`, …) side-effect free with
// `// @__NO_SIDE_EFFECTS__` line comments. Next's minifier (swc) honours that annotation only
// as a block comment, so every schema a module builds was kept even where nothing uses it —
// e.g. the login and user-admin bodies in the service worker, which needs only the session
// schema of the same module (bench figure 8b). As block comments, unused ones are dropped.

/**
 * Rewrites zod's line-comment annotations as the block comments swc recognises.
 * @param {string} source a zod module
 * @returns {string} the same module
 */
module.exports = function zodPureAnnotations(source) {
  return source.replaceAll('// @__NO_SIDE_EFFECTS__', '/* @__NO_SIDE_EFFECTS__ */');
};
