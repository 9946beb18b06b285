// The /v1 API as the administrator (HOERING_ADMIN_TOKEN), for tests that set
// up their own data: admin() answers {status, body} (body parsed when JSON),
// adminOk() asserts the status and returns the body.
import assert from 'node:assert/strict';
import { adminToken, urlOf } from './server.mjs';

export async function admin(method, path, body, headers = {}) {
  assert.ok(adminToken, 'HOERING_ADMIN_TOKEN is not set: run tests/web/run_browser_tests.sh');
  const all = { accept: 'application/json', authorization: `Bearer ${adminToken}`, ...headers };
  if (body !== undefined) all['content-type'] = 'application/json';
  const res = await fetch(urlOf(path), {
    method, headers: all, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON: kept as text */ }
  return { status: res.status, body: parsed };
}

export async function adminOk(method, path, body, status = 200) {
  const res = await admin(method, path, body);
  assert.equal(res.status, status, `${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
