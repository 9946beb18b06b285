// The server under test and its JSON API, from the environment that
// run_browser_tests.sh sets: HOERING_URL (required), HOERING_ADMIN_TOKEN,
// HOERING_ARTIFACTS (screenshots and axe reports; default build/web-artifacts).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

if (!process.env.HOERING_URL) {
  throw new Error('HOERING_URL is not set: run tests/web/run_browser_tests.sh BUILD_DIR, ' +
                  'or set it to a running hoering-server with the demo loaded');
}
export const baseUrl = process.env.HOERING_URL.replace(/\/+$/, '');
export const adminToken = process.env.HOERING_ADMIN_TOKEN ?? '';
export const artifactsDir = process.env.HOERING_ARTIFACTS ?? join(repoRoot, 'build', 'web-artifacts');
mkdirSync(artifactsDir, { recursive: true });

export function urlOf(path) {
  return new URL(path, baseUrl + '/').href;
}

// GET a /v1 route anonymously (as the public pages see it); asserts 200.
export async function apiGet(path) {
  const res = await fetch(urlOf(path), { headers: { accept: 'application/json' } });
  const body = await res.text();
  assert.equal(res.status, 200, `GET ${path} answered ${res.status}: ${body}`);
  return JSON.parse(body);
}
