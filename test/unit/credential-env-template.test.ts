// credential-access for copies: a copy reads its sources, and an env template (.env.sample,
// .env.example) holds no secrets; a real env file or key copied anywhere is still read.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready } from './verdict-helpers';

before(() => ready);

const cats = (line: string) => analyse(null, [[line]]).steps[0].commands[0].categories;

test('making an env file from its template reads no secret', () => {
  assert.ok(!cats('cp config/.env.sample config/.env').includes('credential-access'));
  assert.ok(!cats('cd api && cp -n .env.template .env && make up').includes('credential-access'));
});

test('copying a real env file or a key reads it', () => {
  assert.ok(cats('cp /srv/api/.env /tmp/api.env').includes('credential-access'));
  assert.ok(cats('rsync -a ~/.ssh/id_ed25519 /mnt/usb/').includes('credential-access'));
  assert.ok(cats('cat deploy/.env.production').includes('credential-access'));
});
