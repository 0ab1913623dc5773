/**
 * A policy is a gate step written in code: it reads the change and passes, or fails with text that
 * tells the agent what it changed. Every policy has the same step shape; this builds it.
 */
import { performance } from 'node:perf_hooks'
import type { Change, Policy, StepResult } from './types.js'

/** How one policy judges a change. */
export interface PolicyRule<Finding> {
  /** The step's name in the gate's result (`policy: …`). */
  name: string
  /** What the change does that the policy refuses; empty when it passes. */
  find(change: Change): Finding[]
  /** The step's text when nothing was found. */
  passed: string
  /** The step's text (the agent's feedback) for what was found. */
  describe(findings: Finding[]): string
}

/** The policy as a gate step: green when `find` finds nothing, else red with `describe`'s text. */
export function definePolicy<Finding>(rule: PolicyRule<Finding>): Policy {
  return {
    name: rule.name,
    check(change: Change): StepResult {
      const started = performance.now()
      const findings = rule.find(change)
      const ok = findings.length === 0
      return {
        name: rule.name,
        policy: true,
        ok,
        exitCode: ok ? 0 : 1,
        tail: ok ? rule.passed : rule.describe(findings),
        durationMs: performance.now() - started,
        timedOut: false,
        missingTool: false
      }
    }
  }
}
