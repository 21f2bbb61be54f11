/**
 * Runs `next` on a value now, or once it resolves when it is a promise: a value that is ready keeps
 * the work synchronous (the page's cookie and storage answer at once), one that answers later (a
 * Shopify pixel's) makes it asynchronous.
 *
 * @example
 * after(jar.read(), (sc) => sc ?? 'none') // a string now, or a promise of one
 */
export const after = <Value, Result>(
  value: Value | Promise<Value>,
  next: (value: Value) => Result | Promise<Result>,
): Result | Promise<Result> => (value instanceof Promise ? value.then(next) : next(value))
