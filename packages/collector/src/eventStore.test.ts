import { describe, expect, it } from 'vitest'
import { createEventStore, type StoreChange } from './eventStore'
import type { CollectedEvent } from './types'

const fields = (eventName: string, valid = true): Omit<CollectedEvent, 'id'> => ({
  receivedAt: 1,
  contentType: 'application/json',
  valid,
  issues: [],
  notes: [],
  eventName,
})

describe('createEventStore', () => {
  it('should number events in order and list them oldest first when added', () => {
    const store = createEventStore(10)
    store.add(fields('ProductPage'))
    store.add(fields('StatusCart'))
    expect(store.list().map((event) => [event.id, event.eventName])).toEqual([
      [1, 'ProductPage'],
      [2, 'StatusCart'],
    ])
  })

  it('should keep only the newest maxEvents when more arrive', () => {
    const store = createEventStore(3)
    for (let index = 0; index < 10; index += 1) store.add(fields(`E${index}`))
    expect(store.list().map((event) => event.eventName)).toEqual(['E7', 'E8', 'E9'])
    expect(store.list().map((event) => event.id)).toEqual([8, 9, 10])
  })

  it('should filter by event name, validity and id when given a filter', () => {
    const store = createEventStore(10)
    store.add(fields('StatusCart'))
    store.add(fields('StatusCart', false))
    store.add(fields('ProductPage'))
    expect(store.list({ eventName: 'StatusCart' }).map((event) => event.id)).toEqual([1, 2])
    expect(store.list({ valid: false }).map((event) => event.id)).toEqual([2])
    expect(store.list({ afterId: 1 }).map((event) => event.id)).toEqual([2, 3])
  })

  it('should hide events failed by fault unless includeFailed is set', () => {
    const store = createEventStore(10)
    store.add(fields('StatusCart'))
    store.add({ ...fields('StatusCart'), failedByFault: true })
    expect(store.list().map((event) => event.id)).toEqual([1])
    expect(store.list({ includeFailed: true }).map((event) => event.id)).toEqual([1, 2])
  })

  it('should forget everything but keep numbering when cleared', () => {
    const store = createEventStore(10)
    store.add(fields('A'))
    store.clear()
    expect(store.list()).toEqual([])
    expect(store.add(fields('B')).id).toBe(2)
  })

  it('should tell subscribers of events and clears until they unsubscribe', () => {
    const store = createEventStore(10)
    const heard: StoreChange['type'][] = []
    const unsubscribe = store.subscribe((change) => heard.push(change.type))
    store.subscribe(() => {
      throw new Error('a broken listener')
    })
    store.add(fields('A'))
    store.clear()
    unsubscribe()
    store.add(fields('B'))
    expect(heard).toEqual(['event', 'clear'])
  })

  it('should refuse a bound that is not a positive integer when created', () => {
    expect(() => createEventStore(0)).toThrow(TypeError)
  })
})

describe('createEventStore bounded by bytes', () => {
  it('should drop the oldest events and count them when the bodies pass maxBytes', () => {
    const store = createEventStore(100, 1000)
    for (let index = 0; index < 10; index += 1) store.add(fields(`E${index}`), 300)
    expect(store.list().map((event) => event.eventName)).toEqual(['E7', 'E8', 'E9'])
    expect(store.stats()).toEqual({ kept: 3, bytes: 900, dropped: 7 })
  })

  it('should keep the newest event even when its body alone is above maxBytes', () => {
    const store = createEventStore(100, 10)
    store.add(fields('A'), 5)
    store.add(fields('B'), 50)
    expect(store.list().map((event) => event.eventName)).toEqual(['B'])
    expect(store.stats().dropped).toBe(1)
  })

  it('should count events dropped by maxEvents too', () => {
    const store = createEventStore(2)
    for (let index = 0; index < 5000; index += 1) store.add(fields(`E${index}`), 1)
    expect(store.list().map((event) => event.eventName)).toEqual(['E4998', 'E4999'])
    expect(store.stats()).toEqual({ kept: 2, bytes: 2, dropped: 4998 })
  })
})
