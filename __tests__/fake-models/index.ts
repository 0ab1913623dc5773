/**
 * Scripted fake model servers for driving real agent CLIs offline. Typical use:
 *
 *   const fake = await startFakeModel({ protocol: PROTOCOL_OF[cli], script: [...editFile('a.txt', 'x'), final('done')], root: repo })
 *   const env = { PATH: ..., ...(await envFor(cli, fake, tmpHome)) }   // then spawn the CLI (async!) with env
 *   fake.sessionPrompts()[1]   // the second run's prompt, e.g. to find the gate failure in it
 *   await fake.close()
 */
export { envFor, FAKE_MODEL_KEY, FAKE_MODEL_NAME, OPENCODE_PRICE, PROTOCOL_OF, type FakeableCli } from './env-for.js'
export {
  startFakeModel,
  WIRE_PROTOCOLS,
  type FakeModel,
  type FakeModelOptions,
  type RecordedRequest,
  type WireProtocolName
} from './fake-model-server.js'
export { editFile, final, read, shell, write, type Step } from './script.js'
export { FAKE_USAGE, type TokenUsage } from './wire-protocol.js'
export { namedFiles, type SeekerSession, type SeekOptions } from './seeker.js'
