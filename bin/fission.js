#!/usr/bin/env node
// Entry point of the `fission` command. The source is TypeScript run by Node's type stripping,
// which needs Node ≥ 22.18; `npm install` brings Node 26 (the `node` package), and npm scripts and
// npx put it first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`fission needs Node.js 22.18 or newer (this is ${process.version}). Run it through npm (npm start, npx fission …), which uses the Node 26 that npm install put in node_modules.`);
  process.exit(2);
}
await import('../src/cli/main.ts');
