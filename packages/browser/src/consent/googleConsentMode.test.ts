import { describe, expect, it } from 'vitest'
import type { ConsentState } from './consentGate'
import { followGoogleConsentMode } from './googleConsentMode'

/** What gtag pushes: its `arguments` object. */
function gtagArguments(..._args: unknown[]): IArguments {
  // biome-ignore lint/complexity/noArguments: gtag pushes exactly this object.
  return arguments
}

function follow(page: Record<string, unknown>) {
  const states: ConsentState[] = []
  followGoogleConsentMode(page, (state) => states.push(state))
  const gtag = (...args: unknown[]) => (page.dataLayer as unknown[]).push(gtagArguments(...args))
  return { states, gtag }
}

describe('followGoogleConsentMode', () => {
  it('should wait on a denied default and follow the updates pushed after it started', () => {
    const page: Record<string, unknown> = {}
    const { states, gtag } = follow(page)
    gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' })
    gtag('event', 'page_view')
    gtag('consent', 'update', { analytics_storage: 'granted' })
    gtag('consent', 'update', { ad_user_data: 'granted' })
    gtag('consent', 'update', { analytics_storage: 'denied' })
    expect(states).toEqual(['pending', 'granted', 'denied'])
  })

  it('should read the commands pushed before it started and keep the push that was there', () => {
    const pushed: unknown[] = []
    const layer: unknown[] = [gtagArguments('consent', 'default', { analytics_storage: 'granted' })]
    const originalPush = layer.push
    layer.push = function (this: unknown[], ...items: unknown[]) {
      pushed.push(...items)
      return originalPush.apply(this, items)
    }
    const page: Record<string, unknown> = { dataLayer: layer }
    const { states, gtag } = follow(page)
    expect(states).toEqual(['granted'])
    gtag('consent', 'update', { analytics_storage: 'denied' })
    expect(states).toEqual(['granted', 'denied'])
    expect(pushed).toHaveLength(1)
    expect(layer).toHaveLength(2)
  })

  it('should ignore what is not a consent command about analytics_storage', () => {
    const page: Record<string, unknown> = {
      dataLayer: [{ event: 'gtm.js' }, ['consent', 'default', { ad_storage: 'granted' }], null, 'consent'],
    }
    const { states } = follow(page)
    expect(states).toEqual([])
  })
})
