#!/usr/bin/env node
// The `fabric` command. TypeScript sources run through tsx's loader, so the
// CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
