/**
 * The wall time as it stood when the page started, carried on by the monotonic clock (ms since
 * epoch): a clock moved while the page is open (by the user, the OS or a script) does not move it.
 * Pages of a site stamp what they share in storage with it (an entry's time stored, the endpoint's
 * last failure), so that a page whose clock moved a week reads no week into another page's stamp.
 *
 * @example
 * storage.set(key, String(pageWallTime()))
 */
export const pageWallTime = (): number => performance.timeOrigin + performance.now()
