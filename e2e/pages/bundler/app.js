// A storefront's own bundle that ships the script tag inside it, as the README shows:
// the import is kept for what it does (it registers window.esTracker), not for any export.
import '@es-tracker/browser/es-tracker.min.js'
