/**
 * The GitHub API emulator for tests (DESIGN §7): stateful, on 127.0.0.1, every request and
 * response validated against GitHub's OpenAPI description. See docs/github.md.
 */
export { startGitHubEmulator, GitHubEmulator, EMULATOR_TOKENS, GITHUB_LIMITS } from './server.ts';
export type { EmulatorOptions, EmulatorToken, EmulatorState, Fault, LoggedRequest, CommentRecord, PullRecord, ReleaseRecord, AssetRecord, TagObject, DispatchRecord, Permission, Access } from './server.ts';
export { validateRequest, validateResponse, operation } from './openapi.ts';
