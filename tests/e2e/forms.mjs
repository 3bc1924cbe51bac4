// The application form as a person fills it in, shared by the applying and shared-device tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serverCli } from './support.mjs';

/** The first open in-app sample listing that asks at least three questions. */
function sampleListing() {
  for (let n = 1; n <= 4; n++) {
    const page = JSON.parse(readFileSync(join(ROOT, 'public', 'feed', `page-${n}.json`), 'utf8'));
    for (const it of page.items) {
      const d = it.data;
      if (d && d.status === 'open' && d.howToApply.type === 'in-app' && d.howToApply.questions.length >= 3) return d;
    }
  }
  throw new Error('no suitable sample listing');
}
export const LISTING = sampleListing();

export async function organiser(server) {
  const token = serverCli(['organiser', 'add', '--db', server.db, '--org', LISTING.organisation.id]);
  return async (path, init = {}) => {
    const res = await fetch(server.url + '/api/v1/organiser' + path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    assert.ok(res.ok, `${path}: ${res.status}`);
    return res.json();
  };
}

export async function applicationsOnServer(org) {
  const body = await org('/applications');
  return body.applications ?? body;
}

/** Fills in the whole form as a person would, by labels. */
export async function fillForm(page, { name = 'Sam Example', email = 'sam@example.org' } = {}) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address').fill(email);
  const answers = {};
  for (const q of LISTING.howToApply.questions) {
    const id = `#q-${q.id}`;
    switch (q.type) {
      case 'short-text': case 'long-text':
        await page.locator(id).fill(`My answer to ${q.id}`); answers[q.id] = `My answer to ${q.id}`; break;
      case 'single-choice':
        await page.locator(id).check(); answers[q.id] = q.options[0]; break;
      case 'multiple-choice':
        await page.locator(id).check(); answers[q.id] = [q.options[0]]; break;
      case 'yes-no':
        await page.locator(id).check(); answers[q.id] = true; break;
      case 'date':
        await page.locator(id).fill('2027-03-27'); answers[q.id] = '2027-03-27'; break;
    }
  }
  await page.getByLabel(/I agree to my answers being shared/).check();
  return answers;
}

export async function openForm(page, url) {
  await page.goto(`${url}/opportunities/${LISTING.id}`);
  await page.getByRole('link', { name: /^(Apply|Continue your application)$/ }).click();
  await page.getByLabel('Your name').waitFor();
}

export async function sendFromCheck(page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  await page.getByRole('button', { name: 'Send application' }).click();
}

