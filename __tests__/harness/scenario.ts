/**
 * One end-to-end scenario wired together: a repository fixture (origin + checked-out
 * workspace), a GitHub fake that checks PR heads against that origin and accepts the token the
 * checkout persisted, and `run()` to start the action in that workspace against that fake.
 */
import { FakeGitHub, type FakeGitHubOptions } from './github-fake.js'
import { createRepoFixture, type RepoFixture, type RepoFixtureOptions } from './repo-fixture.js'
import { runAction, type ActionRun, type RunActionOptions } from './run-action.js'

/** The fixture's options plus the fake's seeds (its `originDir` and `defaultBranch` are filled in). */
export interface ScenarioOptions extends RepoFixtureOptions {
  fake?: Omit<FakeGitHubOptions, 'originDir'>
}

/** A running scenario. */
export interface Scenario {
  fixture: RepoFixture
  fake: FakeGitHub
  /** `{ owner, repo, repoId }`, to spread into the webhook builders. */
  target: { owner: string; repo: string; repoId: number; defaultBranch: string }
  /** Runs the action in the workspace against the fake. */
  run(options: Omit<RunActionOptions, 'workspaceDir' | 'runnerTemp' | 'fake'>): Promise<ActionRun>
  /** Stops the fake and removes every file. */
  cleanup(): Promise<void>
}

/** Creates the fixture, then starts the fake on its origin. */
export async function startScenario(options: ScenarioOptions): Promise<Scenario> {
  const token = options.fake?.token ?? options.token ?? 'ghs_fake_token'
  const fixture = await createRepoFixture({ ...options, token })
  let fake: FakeGitHub
  try {
    fake = await FakeGitHub.start({
      defaultBranch: fixture.defaultBranch,
      ...options.fake,
      token,
      originDir: fixture.originDir
    })
  } catch (error) {
    await fixture.cleanup()
    throw error
  }
  return {
    fixture,
    fake,
    target: { owner: fake.owner, repo: fake.repo, repoId: fake.repoId, defaultBranch: fake.defaultBranch },
    run: (runOptions) => runAction({ ...runOptions, workspaceDir: fixture.workspaceDir, runnerTemp: fixture.runnerTemp, fake }),
    cleanup: async () => {
      await fake.stop()
      await fixture.cleanup()
    }
  }
}
