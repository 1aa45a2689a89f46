// Benchmark 2 — ID3 parse throughput, run in its own Node process (`node node-parse.mjs`) so the
// JIT state and heap are its own. Prints one JSON object on stdout.
//
// Work measured per round, over the same corpus of realistic tags, one sample at a time (as the
// player receives them): `parseId3Tags` (frames), `payloadsFromId3` (frames + payload JSON and
// validation), and a baseline: one shared `TextDecoder` decoding the same bytes. The rounds are
// interleaved so a noisy neighbour slows all three alike; ratios are taken within each round.
import { performance } from 'node:perf_hooks';
import { parseId3Tags, payloadsFromId3 } from '../../dist/index.js';
import { buildId3Corpus } from './lib/id3-corpus.mjs';
import { median } from './lib/stats.mjs';

const COUNT = Number(process.env.BENCH_ID3_TAGS ?? 5000);
const ROUNDS = 7;
const ROUND_MS = 250;
const { tags, bytes, payloads } = buildId3Corpus(COUNT);

const decoder = new TextDecoder();
let sink = 0;
const noError = () => {
  throw new Error('the benchmark corpus must parse without errors');
};

const workloads = {
  baselineTextDecoder: () => {
    for (const tag of tags) sink += decoder.decode(tag).length;
  },
  parseId3Tags: () => {
    for (const tag of tags) sink += parseId3Tags(tag).length;
  },
  payloadsFromId3: () => {
    for (const tag of tags) sink += payloadsFromId3(tag, noError).length;
  },
};

// Sanity: every tag yields exactly one payload (the corpus is built that way).
let found = 0;
for (const tag of tags) found += payloadsFromId3(tag, noError).length;
if (found !== payloads) throw new Error(`corpus yielded ${found} payloads, expected ${payloads}`);

/** Passes over the corpus per second, running `fn` repeatedly for about `ms`. */
function passesPerSecond(fn, ms) {
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (passes * 1000) / elapsed;
}

for (const fn of Object.values(workloads)) passesPerSecond(fn, 200); // warm-up (JIT)

const rounds = { baselineTextDecoder: [], parseId3Tags: [], payloadsFromId3: [] };
const ratios = { parseId3Tags: [], payloadsFromId3: [] };
for (let round = 0; round < ROUNDS; round++) {
  const pps = {};
  for (const [name, fn] of Object.entries(workloads)) pps[name] = passesPerSecond(fn, ROUND_MS);
  for (const name of Object.keys(rounds)) rounds[name].push(pps[name]);
  // Throughput of the parser as a fraction of the baseline's, in this round.
  for (const name of Object.keys(ratios)) ratios[name].push(pps[name] / pps.baselineTextDecoder);
}

const result = { tags: COUNT, bytes, meanTagBytes: bytes / COUNT, rounds: ROUNDS, workloads: {} };
for (const [name, values] of Object.entries(rounds)) {
  const pps = median(values);
  result.workloads[name] = {
    mbPerSecond: (pps * bytes) / 1e6,
    tagsPerSecond: pps * COUNT,
    relativeToBaseline: name in ratios ? median(ratios[name]) : 1,
  };
}
result.sink = sink > 0;
process.stdout.write(JSON.stringify(result));
