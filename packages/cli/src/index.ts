/** `@hero-onboarding/cli`: the `hero-onboarding` command (bin/hero-onboarding.js). Exported for its tests. */
export { childEnv, FORWARDED_ENV, type ForwardedVariable, SYSTEM_ENV, settingsFrom } from './env/forwarded';
export { SettingsError } from './env/settings-error';
