// What the browser tests that set up their own consultations take from the
// demo: its agreement and consulted version, sections with a passage to
// quote, and registered parties it invited. Also the RFC 3339 form of a time
// the API reads.
import assert from 'node:assert/strict';
import { adminToken, apiGet } from './server.mjs';

const enc = encodeURIComponent;

// An instant (ms) as the API's RFC 3339 time, whole seconds.
export const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// Four words of letters in a row, as they stand in a section's Markdown: a
// passage the API finds verbatim (null when the body has none).
export function quotableIn(body) {
  const m = /(?<![\p{L}\p{N}*_[\\/-])(\p{L}{2,}(?: \p{L}{2,}){3})(?![\p{L}\p{N}])/u.exec(body ?? '');
  return m ? m[1] : null;
}

// The demo's closed consultation: {agreement, version, sections: [{id,
// heading, quote}] (those with a passage to quote, at least `sections`),
// parties: [{id, name, ...}] (registered and invited, at least `parties`)}.
export async function demoFacts({ sections: minSections = 1, parties: minParties = 1 } = {}) {
  assert.ok(adminToken, 'HOERING_ADMIN_TOKEN is not set: run tests/web/run_browser_tests.sh');
  const demo = (await apiGet('/v1/consultations')).items.find((c) => c.state === 'closed');
  assert.ok(demo, 'no closed consultation: is the demo loaded?');
  const version = demo.version.number;
  const text = await apiGet(`/v1/agreements/${enc(demo.agreement)}?at=${version}`);
  const all = [];
  const walk = (list) => list.forEach((s) => { all.push(s); walk(s.children ?? []); });
  walk(text.sections);
  const quotable = all.map((s) => ({ id: s.id, heading: s.heading, quote: quotableIn(s.body) }))
    .filter((s) => s.quote);
  assert.ok(quotable.length >= minSections,
    `fewer than ${minSections} sections of ${demo.agreement} to quote from`);
  const registered = new Map((await apiGet('/v1/parties')).items.map((p) => [p.id, p]));
  const parties = demo.invited.filter((id) => registered.has(id)).map((id) => registered.get(id));
  assert.ok(parties.length >= minParties,
    `fewer than ${minParties} registered parties invited to ${demo.id}`);
  return { agreement: demo.agreement, version, sections: quotable, parties };
}
