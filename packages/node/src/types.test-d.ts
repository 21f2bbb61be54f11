// Type tests, checked by `pnpm typecheck`: the engine's test-only parts are not public options.
import type { NodeTrackerOptions } from './types'

// @ts-expect-error clock is not an option of createNodeTracker (tests pass it to createNodeTrackerWith)
export const withClock: NodeTrackerOptions = { siteId: '8A412DC', clock: { now: Date.now, sleep: async () => {} } }
// @ts-expect-error random is not an option of createNodeTracker (tests pass it to createNodeTrackerWith)
export const withRandom: NodeTrackerOptions = { siteId: '8A412DC', random: Math.random }
