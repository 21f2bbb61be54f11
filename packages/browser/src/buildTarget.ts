/**
 * Whether this code is the script-tag build (`dist/es-tracker.min.js`), which runs in a browser page
 * only: rollup.config.mjs (scriptTagBuild) makes it `true` there, so that the minifier drops what
 * only Node, SSR or a web worker reach. `false` in the ES module and in tests.
 */
export const isScriptTag: boolean = false
