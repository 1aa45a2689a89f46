// The `cuecart` command, run as a user runs it (node bin/cuecart.mjs; needs `npm run build`).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../demo/server/start.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures');

/** Runs the CLI; resolves with its exit code and output. */
function cuecart(...args) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/cuecart.mjs'), ...args],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve({ code: error ? error.code : 0, stdout, stderr });
      },
    );
  });
}

const FEED = {
  currency: 'USD',
  products: ['aurora-headphones', 'ember-mug', 'drift-sneakers', 'solstice-sunglasses'].map(
    (id, i) => ({
      id,
      title: id,
      price: 1000,
      variants: [
        {
          id: `${id}-v`,
          sku: i === 2 ? 'drift-sneakers-42-white' : undefined,
          title: 'Default',
          price: 1000,
          available: true,
        },
      ],
    }),
  ),
};

let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cuecart-cli-'));
  await writeFile(join(dir, 'feed.json'), JSON.stringify(FEED));
});

describe('cuecart cues daterange', () => {
  it('turns a JSON cue list and a plain VOD playlist into a shoppable playlist', async () => {
    const { code, stdout, stderr } = await cuecart(
      'cues',
      'daterange',
      'test/fixtures/cues/show.json',
      'test/fixtures/hls-plain-ts/index.m3u8',
    );
    assert.equal(code, 0, stderr);
    const ranges = stdout.split('\n').filter((l) => l.startsWith('#EXT-X-DATERANGE:'));
    assert.equal(ranges.length, 4);
    assert.match(
      ranges[0],
      /CLASS="com\.cuecart\.product",START-DATE="2026-01-01T00:00:01\.000Z",DURATION=5,X-CUECART-PRODUCT="aurora-headphones"/,
    );
    assert.match(
      ranges[1],
      /START-DATE="2026-01-01T00:00:07\.000Z".*X-CUECART-PRICE=3200.*END-ON-NEXT=YES$/,
    );
    // Segments and their order are untouched.
    assert.equal(stdout.split('\n').filter((l) => /^seg-\d+\.ts$/.test(l)).length, 12);
    // What it wrote reads back as the same cues.
    const out = join(dir, 'shoppable.m3u8');
    await writeFile(out, stdout);
    const check = await cuecart('cues', 'check', out, '--json', '--max-segments', '0');
    const report = JSON.parse(check.stdout);
    assert.deepEqual(
      report.cues.map((c) => [c.start, c.end, c.product, c.carrier]),
      [
        [1, 6, 'aurora-headphones', 'daterange'],
        [7, 13, 'ember-mug', 'daterange'],
        [13, 18, 'drift-sneakers', 'daterange'],
        [19, 23, 'solstice-sunglasses', 'daterange'],
      ],
    );
  });

  it('needs program date-time: a clear error without it, or --program-date-time', async () => {
    const plain = (await import('node:fs/promises')).readFile(
      join(fixtures, 'hls-plain-ts/index.m3u8'),
      'utf8',
    );
    const noPdt = join(dir, 'no-pdt.m3u8');
    await writeFile(
      noPdt,
      (await plain)
        .split('\n')
        .filter((l) => !l.startsWith('#EXT-X-PROGRAM-DATE-TIME'))
        .join('\n'),
    );
    const failed = await cuecart('cues', 'daterange', 'test/fixtures/cues/show.json', noPdt);
    assert.equal(failed.code, 2);
    assert.equal(failed.stdout, '');
    assert.match(failed.stderr, /no EXT-X-PROGRAM-DATE-TIME.*--program-date-time/);
    const fixed = await cuecart(
      'cues',
      'daterange',
      'test/fixtures/cues/show.json',
      noPdt,
      '--program-date-time',
      '2030-01-01T00:00:00Z',
    );
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(
      fixed.stdout,
      /#EXT-X-PROGRAM-DATE-TIME:2030-01-01T00:00:00\.000Z\n#EXT-X-DATERANGE:[^\n]*START-DATE="2030-01-01T00:00:01\.000Z"/,
    );
  });

  it('leaves out cues outside the media and exits 1', async () => {
    const list = join(dir, 'outside.json');
    await writeFile(
      list,
      JSON.stringify({
        cues: [
          { id: 'ok', start: 2, product: 'a' },
          { id: 'late', start: 30, product: 'b' },
        ],
      }),
    );
    const { code, stdout, stderr } = await cuecart(
      'cues',
      'daterange',
      list,
      'test/fixtures/hls-plain-ts/index.m3u8',
    );
    assert.equal(code, 1);
    assert.equal(stdout.split('\n').filter((l) => l.startsWith('#EXT-X-DATERANGE:')).length, 1);
    assert.match(stderr, /problem: late: starts at 30\.000 s, outside the media/);
  });
});

describe('cuecart cues webvtt', () => {
  it('writes a WebVTT metadata track whose cue text is the payload', async () => {
    const { code, stdout } = await cuecart(
      'cues',
      'webvtt',
      'test/fixtures/cues/show.json',
      '--duration',
      '24',
    );
    assert.equal(code, 0);
    assert.match(stdout, /^WEBVTT\n/);
    assert.match(stdout, /00:00:01\.000 --> 00:00:06\.000\n\{"product":"aurora-headphones"\}/);
    // Open-ended ember ends where drift starts; the last open cue at the duration.
    assert.match(
      stdout,
      /00:00:07\.000 --> 00:00:13\.000\n\{"product":"ember-mug","title":"Ember Mug","price":3200,"currency":"USD"\}/,
    );
  });

  it('places wall-clock cues through --media, and reports them without it', async () => {
    const list = join(dir, 'dated.json');
    await writeFile(
      list,
      JSON.stringify({
        cues: [
          {
            id: 'd',
            startDate: '2026-01-01T00:00:03.5Z',
            endDate: '2026-01-01T00:00:04Z',
            product: 'a',
          },
        ],
      }),
    );
    const placed = await cuecart(
      'cues',
      'webvtt',
      list,
      '--media',
      'test/fixtures/hls-plain-ts/index.m3u8',
    );
    assert.equal(placed.code, 0, placed.stderr);
    assert.match(placed.stdout, /00:00:03\.500 --> 00:00:04\.000/);
    const unplaced = await cuecart('cues', 'webvtt', list);
    assert.equal(unplaced.code, 1);
    assert.match(unplaced.stderr, /json:d: timed by wall clock/);
  });
});

describe('cuecart cues check', () => {
  for (const [name, carrier] of [
    ['hls-ts-id3', 'id3'],
    ['hls-fmp4-emsg', 'emsg'],
    ['hls-daterange', 'daterange'],
  ]) {
    it(`finds the show's cues in ${name} (${carrier})`, async () => {
      const { code, stdout, stderr } = await cuecart(
        'cues',
        'check',
        `test/fixtures/${name}/index.m3u8`,
        '--products',
        join(dir, 'feed.json'),
        '--json',
      );
      assert.equal(code, 0, stderr + stdout);
      const report = JSON.parse(stdout);
      assert.equal(report.duration, 24);
      assert.deepEqual(
        report.cues.map((c) => [c.start, c.product, c.carrier]),
        [
          [1, 'aurora-headphones', carrier],
          [7, 'ember-mug', carrier],
          [13, 'drift-sneakers', carrier],
          [19, 'solstice-sunglasses', carrier],
        ],
      );
    });
  }

  it('reports unknown products, overlaps, cues outside the media and invalid entries (exit 1)', async () => {
    const list = join(dir, 'problems.json');
    await writeFile(
      list,
      JSON.stringify({
        cues: [
          { start: 1, end: 8, product: 'aurora-headphones' },
          { start: 5, product: 'mystery-box' },
          { start: 30, product: 'ember-mug' },
          { start: 'soon', product: 'ember-mug' },
        ],
      }),
    );
    const { code, stdout } = await cuecart(
      'cues',
      'check',
      list,
      '--products',
      join(dir, 'feed.json'),
      '--media',
      'test/fixtures/hls-plain-ts/index.m3u8',
    );
    assert.equal(code, 1);
    assert.match(stdout, /aurora-headphones .*overlaps json:5000:mystery-box:/);
    assert.match(stdout, /mystery-box .*unknown product "mystery-box"/);
    assert.match(stdout, /30\.000 .*outside the media \(0–24\.000 s\)/);
    assert.match(stdout, /problem: Cue #4 of the JSON cue list has no valid "start"/);
    assert.match(stdout, /3 cue\(s\), 4 problem\(s\)\n$/);
  });

  it('reads a stream URL (the simulated live show)', async () => {
    const server = await startServer({ port: 0, quiet: true });
    try {
      const { code, stdout, stderr } = await cuecart(
        'cues',
        'check',
        `${server.url}live/ts/index.m3u8?window=12`,
        '--json',
      );
      assert.equal(code, 0, stderr);
      const report = JSON.parse(stdout);
      assert.match(report.source, /live/);
      // The show has just started: its first 12 s carry aurora and ember in-band.
      assert.deepEqual(
        report.cues.slice(0, 2).map((c) => [c.start, c.product, c.carrier]),
        [
          [1, 'aurora-headphones', 'id3'],
          [7, 'ember-mug', 'id3'],
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('exits 2 on bad usage and unreadable input', async () => {
    for (const args of [
      [],
      ['cues'],
      ['cues', 'frobnicate'],
      ['cues', 'check'],
      ['cues', 'check', 'a', '--bogus'],
    ]) {
      const { code, stderr } = await cuecart(...args);
      assert.equal(code, 2, args.join(' '));
      if (args.length) assert.match(stderr, /^cuecart: /);
    }
    const missing = await cuecart('cues', 'check', 'no/such/file.json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read no\/such\/file\.json/);
    const garbage = await cuecart('cues', 'check', 'test/fixtures/bad/garbage.m3u8');
    assert.equal(garbage.code, 2);
    const help = await cuecart('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes: 0 success, 1 problems found, 2 bad usage/);
  });
});

after(() => {});
