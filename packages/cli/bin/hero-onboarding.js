#!/usr/bin/env node
// The `hero-onboarding` command. Our packages are TypeScript sources with no build step (as `npm start`
// runs them), so the CLI registers tsx's loader in this process and then loads its TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
