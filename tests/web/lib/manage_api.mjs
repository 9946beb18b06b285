// The /v1 API as the administrator, for the secretariat pages' browser test
// (tests/web/manage.test.mjs): {status, body}, and a variant that asserts
// the status.
import assert from 'node:assert/strict';
import { adminToken, urlOf } from './server.mjs';

export async function adminCall(method, path, body) {
  assert.ok(adminToken, 'HOERING_ADMIN_TOKEN is not set: run tests/web/run_browser_tests.sh');
  const headers = { accept: 'application/json', authorization: `Bearer ${adminToken}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(urlOf(path), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON: kept as text */ }
  return { status: res.status, body: parsed };
}

export async function adminOk(method, path, body, status = 200) {
  const res = await adminCall(method, path, body);
  assert.equal(res.status, status, `${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
