/**
 * The policies a job's gate runs with, from the same settings in the action (inputs) and the CLI
 * (flags): protected paths always; the gate's definition unless `allow-gate-changes`; in
 * self-heal, the failing commit's tests unless `allow-test-changes`. In issue-to-pr tests may
 * change as the issue requires; what weakens them is listed in the PR body instead.
 */
import { createGateDefinitionPolicy } from './gate-definition-policy.js'
import { createProtectedPathsPolicy } from './protected-paths-policy.js'
import { createTestFreezePolicy } from './test-weakening-policy.js'
import type { Job, Policy } from './types.js'

/** What decides the policies. */
export interface PolicySettings {
  job: Job
  /** Protected globs; empty means the default (the workflows). */
  protectedPaths: readonly string[]
  allowTestChanges: boolean
  allowGateChanges: boolean
  /** The gate's steps, whose script files are part of its definition. */
  gateSteps: readonly string[]
}

/** The job's policies, in the order the gate shows them. */
export function policiesFor(settings: PolicySettings): Policy[] {
  const policies: Policy[] = [createProtectedPathsPolicy(settings.protectedPaths)]
  if (!settings.allowGateChanges) policies.push(createGateDefinitionPolicy(settings.gateSteps))
  if (settings.job === 'self-heal' && !settings.allowTestChanges) policies.push(createTestFreezePolicy())
  return policies
}
