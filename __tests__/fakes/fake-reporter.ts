/**
 * A Reporter that records every line and group, and refuses a nested or unbalanced group the way
 * a GitHub log would mangle it.
 */
import type { Reporter } from '../../src/core/types.js'

/** One recorded reporter event. */
export type ReporterEvent =
  { kind: 'info' | 'warning'; message: string; group?: string } | { kind: 'startGroup'; name: string } | { kind: 'endGroup' }

/** Records what a front-end would print. */
export class FakeReporter implements Reporter {
  readonly events: ReporterEvent[] = []
  private open: string | undefined

  info(message: string): void {
    this.events.push({ kind: 'info', message, group: this.open })
  }

  warning(message: string): void {
    this.events.push({ kind: 'warning', message, group: this.open })
  }

  startGroup(name: string): void {
    if (this.open !== undefined) throw new Error(`FakeReporter: group "${name}" started inside "${this.open}"`)
    this.open = name
    this.events.push({ kind: 'startGroup', name })
  }

  endGroup(): void {
    if (this.open === undefined) throw new Error('FakeReporter: endGroup without a group')
    this.open = undefined
    this.events.push({ kind: 'endGroup' })
  }

  /** Whether a group is still open (it should not be after a run). */
  get groupOpen(): boolean {
    return this.open !== undefined
  }

  /** The names of the groups, in order. */
  groups(): string[] {
    return this.events.flatMap((e) => (e.kind === 'startGroup' ? [e.name] : []))
  }

  /** Info lines, optionally only those inside one group. */
  infos(group?: string): string[] {
    return this.events.flatMap((e) => (e.kind === 'info' && (group === undefined || e.group === group) ? [e.message] : []))
  }

  /** Warning lines. */
  warnings(): string[] {
    return this.events.flatMap((e) => (e.kind === 'warning' ? [e.message] : []))
  }
}
