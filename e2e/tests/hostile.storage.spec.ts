// Hostile world, browser side: localStorage that is disabled (every access throws SecurityError),
// that throws on every call, that is full (quota exceeded), or that holds garbage under the
// tracker's keys. Events still go out, valid and once, and nothing throws into the page.
import type { Page } from '@playwright/test'
import { type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'

/** Init scripts that break localStorage before any page script runs. */
const breakages: Record<string, () => void> = {
  disabled: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    })
  },
  throwing: () => {
    for (const method of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) {
      Storage.prototype[method] = () => {
        throw new Error(`localStorage.${method} is broken`)
      }
    }
  },
  full: () => {
    // Fill the real storage up to its quota: every later write throws QuotaExceededError.
    const chunk = 'x'.repeat(256 * 1024)
    try {
      for (let i = 0; i < 1000; i++) localStorage.setItem(`filler-${i}`, chunk)
    } catch {
      // Full.
    }
    let small = 0
    try {
      for (;;) localStorage.setItem(`small-${small++}`, 'x'.repeat(64))
    } catch {
      // Full to the byte.
    }
  },
  garbage: () => {
    for (const suffix of ['queue:HOSTILE1', 'cart:HOSTILE1', 'identity:HOSTILE1', 'replay-lease']) {
      localStorage.setItem(
        `es-tracker:${suffix}`,
        suffix.startsWith('queue') ? '[{"id":1},null,"x",{"body":{}}]' : '{not json',
      )
    }
  },
}

function pageUrl(site: SiteFixture, collector: CollectorFixture, visit: string): string {
  const options = { retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 } }
  const params = new URLSearchParams({ endpoint: collector.endpoint, options: JSON.stringify(options), visit })
  return site.url(`/pages/hostile/script-tag.html?${params}`)
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(
    () => (window as unknown as { esTracker?: { loaded?: boolean } }).esTracker?.loaded === true,
  )
}

/** A short journey: identify, a product, a cart, a purchase joining it, a custom event; answers each result's ok. */
async function journey(page: Page, tag: string): Promise<unknown[]> {
  return page.evaluate(async (tag) => {
    const { esTracker } = window as unknown as { esTracker(...args: unknown[]): unknown }
    const call = async (...args: unknown[]) => {
      const result = (await esTracker(...args)) as { ok: boolean; error?: { code: string } } | undefined
      return result?.ok === true ? 'ok' : (result?.error?.code ?? String(result))
    }
    esTracker('identify', { email: 'ann@example.com', externalCustomerId: `C-${tag}` })
    return Promise.all([
      call('productPage', { product: { productKey: `P-${tag}`, price: 10, currency: 'USD', isInStock: true } }),
      call('statusCart', { products: [{ productKey: `P-${tag}`, price: 10, quantity: 1 }] }),
      call('purchasedItems', { orderNumber: `O-${tag}` }),
      call('customEvent', { name: `E-${tag}` }),
    ])
  }, tag)
}

test.describe('browser tracker (hostile storage)', () => {
  for (const [name, breakStorage] of Object.entries(breakages)) {
    test(`should still deliver every event once, and throw nothing, when localStorage is ${name}`, async ({
      page,
      site,
      collector,
    }) => {
      const pageErrors: Error[] = []
      page.on('pageerror', (error) => pageErrors.push(error))
      await page.addInitScript(breakStorage)
      await open(page, pageUrl(site, collector, `${name}-1`))
      expect(await journey(page, `${name}-1`)).toEqual(['ok', 'ok', 'ok', 'ok'])
      // The next page works too (its storage is just as broken).
      await open(page, pageUrl(site, collector, `${name}-2`))
      expect(await journey(page, `${name}-2`)).toEqual(['ok', 'ok', 'ok', 'ok'])

      const events = await collector.waitForEvents(8)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await collector.events()).toHaveLength(8)
      expect(events.every((event) => event.valid)).toBe(true)
      // Two requests fly at once, so arrival order is free: compare as sets.
      const names = events.map((event) => event.eventName).sort()
      expect(names).toEqual([...['CustomEvent', 'ProductPage', 'PurchasedItems', 'StatusCart'].flatMap((n) => [n, n])])
      // Each purchase joined its own page's cart, and identity went with the events.
      for (const tag of [`${name}-1`, `${name}-2`]) {
        const payloads = events.map((event) => event.payload as Record<string, Record<string, unknown>>)
        const cart = payloads.find((p) => JSON.stringify(p.StatusCart ?? {}).includes(`"P-${tag}"`))
        const purchase = payloads.find((p) => p.PurchasedItems?.OrderNumber === `O-${tag}`)
        expect(purchase?.PurchasedItems?.GUID).toBe(cart?.StatusCart?.GUID)
        expect(purchase?.GeneralInfo?.user_email).toBe('ann@example.com')
      }
      expect(pageErrors).toEqual([])
    })
  }
})
