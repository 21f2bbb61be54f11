import { describe, expect, it } from 'vitest'
import { utf8Length } from './utf8Length'

describe('utf8Length', () => {
  it('should count bytes as TextEncoder does when the text mixes scripts and emoji', () => {
    for (const text of ['', 'abc', 'Київ', '€100', '😀 ok', '中文字', '\ud800']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
    }
  })
})
