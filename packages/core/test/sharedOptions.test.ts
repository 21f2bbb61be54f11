// One checker for the options every tracker has: the browser and node trackers refuse the same
// mistake with the same message (node's names its factory first, as it throws at start-up).
import { createNodeTracker, type NodeTrackerOptions } from '@es-tracker/node'
import { describe, expect, it } from 'vitest'
import { checkOptions } from '../../browser/src/config/checkOptions'

const nodeMessage = (options: unknown): string => {
  try {
    createNodeTracker(options as NodeTrackerOptions)
    return 'accepted'
  } catch (error) {
    return (error as Error).message
  }
}

const browserMessage = (options: unknown): string => {
  const result = checkOptions(options)
  return result.ok ? 'accepted' : result.error.message
}

describe('the options both trackers share', () => {
  it.each([
    undefined,
    { siteId: '' },
    { siteId: 'S', endpoint: 'http://tracker.example/api/v2' },
    { siteId: 'S', endpoint: 'https://user:secret@tracker.example/api/v2' },
    { siteId: 'S', onError: 'log' },
    { siteId: 'S', timeout: -1 },
    { siteId: 'S', timeout: 2 ** 31 },
    { siteId: 'S', concurrency: 1.5 },
    { siteId: 'S', maxQueue: 0 },
    { siteId: 'S', maxAgeMs: '1000' },
    { siteId: 'S', retry: 'often' },
    { siteId: 'S', retry: { attempts: 0 } },
    { siteId: 'S', retry: { maxDelayMs: -1 } },
  ])('should get the same message in the browser and in node when given %j', (options) => {
    const message = browserMessage(options)
    expect(message).not.toBe('accepted')
    expect(nodeMessage(options)).toBe(`createNodeTracker: ${message}`)
  })

  it('should be accepted by both when every shared option is well-formed', () => {
    const options = {
      siteId: '8A412DC',
      endpoint: 'https://tracker.example/api/v2',
      onError: () => {},
      timeout: 5000,
      concurrency: 2,
      maxQueue: 100,
      maxAgeMs: 30 * 24 * 60 * 60 * 1000,
      retry: { attempts: 3, baseDelayMs: 0, maxDelayMs: 1000 },
    }
    expect(browserMessage(options)).toBe('accepted')
    expect(nodeMessage(options)).toBe('accepted')
  })
})
