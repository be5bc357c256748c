/** Test support other packages may use: `@hero-onboarding/kyc/testing`. */
export { idenfySample } from './fixture';
