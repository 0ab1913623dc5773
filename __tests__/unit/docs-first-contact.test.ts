/**
 * What a person sees first: the Marketplace listing (action.yml's description, which the
 * Marketplace cuts at 125 characters) and a LICENSE file that says what package.json says.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

const read = (file: string): string => readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')

test("action.yml's description fits the Marketplace (fewer than 125 characters) and says it never merges", () => {
  const { description } = parseYaml(read('action.yml')) as { description: string }
  expect(description.length).toBeLessThan(125)
  expect(description).toMatch(/draft PR/)
  expect(description).toMatch(/never merges/i)
})

test('LICENSE holds the license package.json names (MIT), with a copyright line', () => {
  const pkg = JSON.parse(read('package.json')) as { license: string }
  expect(pkg.license).toBe('MIT')
  const license = read('LICENSE')
  expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} \S/)
  expect(license).toMatch(/Permission is hereby granted, free of charge/)
  expect(license).toMatch(/THE SOFTWARE IS PROVIDED "AS IS"/)
})
