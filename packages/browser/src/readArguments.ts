/** Arguments kept of one queued call at most: a command takes four (`sendEvent`, NAME, BODY, GENERALINFO). */
const maxArguments = 8

/**
 * The arguments of a queued call (an `arguments` object, or whatever the page pushed) as an array of
 * at most 8: an object claiming billions of items costs as little as a real call.
 *
 * @example
 * readArguments({ 0: 'init', 1: { siteId: 'S' }, length: 2 ** 32 - 1 }) // ['init', { siteId: 'S' }, undefined, ...] (8 items)
 */
export const readArguments = (list: ArrayLike<unknown>): unknown[] => Array.prototype.slice.call(list, 0, maxArguments)
