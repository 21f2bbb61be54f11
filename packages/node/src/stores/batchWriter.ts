/**
 * Collects items and writes them in batches, one batch at a time: what arrives while a batch is being
 * written goes into the next one (one round trip and one commit for many events). `push` resolves
 * once its item's batch is written and rejects with that batch's error.
 */
export function createBatchWriter<T>(write: (items: T[]) => Promise<unknown>) {
  let waiting: Array<{ item: T; resolve: () => void; reject: (cause: unknown) => void }> = []
  let running: Promise<void> | undefined

  async function run(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting
      waiting = []
      try {
        await write(batch.map(({ item }) => item))
        for (const { resolve } of batch) resolve()
      } catch (cause) {
        for (const { reject } of batch) reject(cause)
      }
    }
    running = undefined
  }

  return {
    push(item: T): Promise<void> {
      return new Promise((resolve, reject) => {
        waiting.push({ item, resolve, reject })
        running ??= run()
      })
    },
    /** Resolves once nothing is waiting or being written. */
    async idle(): Promise<void> {
      while (running) await running
    },
  }
}
