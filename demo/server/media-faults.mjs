// Fault injection for media, so tests (and anyone trying the player against a flaky CDN) can
// make the local server misbehave the way real CDNs and packagers do, per request:
//
//   /faults/<session>/<rules>/<fixture path>     e.g. /faults/a1/seg-01.ts=s404+/hls-plain-ts/index.m3u8
//   /faults/<session>/<rules>/live/<ts|fmp4>/…   the simulated live stream (live-hls.mjs)
//
// <session> is any token: request counts are kept per session and file, so each test starts
// fresh. <rules> is `-` (none) or `;`-separated `<file name>=<steps>` (`*.m4s` matches every
// file with that extension when no rule names the file itself), where steps are
// `.`-separated and apply to that file's 1st, 2nd, … request (after the last step it is served
// normally, unless the last step ends in `+`, which repeats it forever):
//   s<code>   answer with that HTTP status (s500, s404, s503)
//   hang      accept the request and never answer (the client must time out)
//   trunc     send the first 40 % of the body, as a complete response (a truncated upload)
//   junk      send random bytes of the same length (a corrupt object)
//   corrupt   keep each 188-byte MPEG-TS packet's header, scramble its payload (bit rot: the
//             segment parses, the pictures in it do not decode)
//   ok        serve normally
// Live playlists (`index.m3u8` of live/…) also take:
//   freeze@<s>  from <s> seconds after the session's first playlist request, the playlist stops
//               advancing (the packager hangs; the CDN keeps serving the last version)
//   end@<s>     from <s> seconds on, the playlist stops advancing and ends with EXT-X-ENDLIST
// Example: `index.m3u8=s500.s500` answers the first two playlist requests with 500.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const PREFIX = /^\/faults\/([\w-]{1,64})\/([^/]{1,500})\/(.+)$/;
const TYPES = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
};
/** A hung request is dropped after this long, so a forgotten client cannot pin a socket forever. */
const HANG_LIMIT_MS = 120_000;
/** Sessions are forgotten after this long. */
const SESSION_TTL_MS = 30 * 60_000;

/**
 * @typedef {{ kind: 'status', code: number } | { kind: 'hang' | 'trunc' | 'junk' | 'corrupt' | 'ok' }} Step
 * @typedef {{ steps: Step[], repeatLast: boolean, freezeAt?: number, endAt?: number }} FileRule
 */

/**
 * Parses a rules path segment. Unknown steps make the whole rule set invalid (null).
 * @param {string} text
 * @returns {Map<string, FileRule> | null}
 */
export function parseFaultRules(text) {
  /** @type {Map<string, FileRule>} */
  const rules = new Map();
  if (text === '-' || text === '') return rules;
  for (const item of decodeURIComponent(text).split(';')) {
    const [file, spec] = item.split('=');
    if (!file || !spec) return null;
    /** @type {FileRule} */
    const rule = { steps: [], repeatLast: spec.endsWith('+') };
    for (const step of spec.replace(/\+$/, '').split('.')) {
      const timed = /^(freeze|end)@(\d+(?:\.\d+)?)$/.exec(step);
      const status = /^s(\d{3})$/.exec(step);
      if (timed) rule[timed[1] === 'freeze' ? 'freezeAt' : 'endAt'] = Number(timed[2]);
      else if (status) rule.steps.push({ kind: 'status', code: Number(status[1]) });
      else if (['hang', 'trunc', 'junk', 'corrupt', 'ok'].includes(step))
        rule.steps.push({ kind: step });
      else return null;
    }
    rules.set(file, rule);
  }
  return rules;
}

/**
 * Creates the fault-injection handler.
 * @param {{ fixturesDir: string, live: { serve: Function }, now?: () => number }} options
 *   `live` is the simulated live stream (`createLiveHls`), used for `/faults/…/live/…`.
 */
export function createMediaFaults({ fixturesDir, live, now = () => Date.now() }) {
  /** @type {Map<string, { counts: Map<string, number>, firstPlaylistAt?: number, touched: number }>} */
  const sessions = new Map();

  const sessionFor = (id) => {
    const time = now();
    for (const [key, session] of sessions) {
      if (time - session.touched > SESSION_TTL_MS) sessions.delete(key);
    }
    let session = sessions.get(id);
    if (!session) {
      session = { counts: new Map(), touched: time };
      sessions.set(id, session);
    }
    session.touched = time;
    return session;
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function respond(req, res, match) {
    const [, id, rulesText, rest] = match;
    const rules = parseFaultRules(rulesText);
    if (!rules) return text(res, 400, `media-faults: bad rules "${rulesText}"\n`);
    const session = sessionFor(id);
    const file = rest.split('/').pop() ?? '';
    const count = (session.counts.get(rest) ?? 0) + 1;
    session.counts.set(rest, count);
    const rule = rules.get(file) ?? rules.get(`*${extname(file)}`);
    const step = rule
      ? (rule.steps[count - 1] ?? (rule.repeatLast ? rule.steps.at(-1) : undefined))
      : undefined;

    if (step?.kind === 'status') return text(res, step.code, `media-faults: ${step.code}\n`);
    if (step?.kind === 'hang') {
      const timer = setTimeout(() => res.destroy(), HANG_LIMIT_MS);
      req.on('close', () => clearTimeout(timer));
      return;
    }

    let body;
    let type;
    if (rest.startsWith('live/')) {
      const isPlaylist = file === 'index.m3u8';
      if (isPlaylist) session.firstPlaylistAt ??= now();
      const elapsed = (now() - (session.firstPlaylistAt ?? now())) / 1000;
      const stopAt = Math.min(rule?.freezeAt ?? Infinity, rule?.endAt ?? Infinity);
      const atTime =
        isPlaylist && elapsed >= stopAt ? (session.firstPlaylistAt ?? 0) + stopAt * 1000 : now();
      const endList = isPlaylist && rule?.endAt !== undefined && elapsed >= rule.endAt;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const served = await live.serve(`/${rest}`, url.searchParams, { now: atTime, endList });
      if (!served) return text(res, 404, 'Not found\n');
      ({ body, type } = served);
    } else {
      const path = normalize(rest).replace(/^[/\\]+/, '');
      if (path.startsWith('..') || path.includes(`${sep}..`)) return text(res, 404, 'Not found\n');
      try {
        body = new Uint8Array(await readFile(join(fixturesDir, path)));
      } catch {
        return text(res, 404, 'Not found\n');
      }
      type = TYPES[extname(path)] ?? 'application/octet-stream';
    }
    if (step?.kind === 'trunc') body = body.subarray(0, Math.floor(body.length * 0.4));
    if (step?.kind === 'junk') body = new Uint8Array(randomBytes(body.length));
    if (step?.kind === 'corrupt') body = scramblePayloads(body);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return {
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @returns {boolean | Promise<boolean>}
     */
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = PREFIX.exec(url.pathname);
      if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      return respond(req, res, match).then(
        () => true,
        (error) => {
          if (!res.headersSent) text(res, 500, `media-faults: ${error.message}\n`);
          else res.destroy(error);
          return true;
        },
      );
    },
  };
}

/**
 * Scrambles the payload bytes of the MPEG-TS packets in the middle of a segment, past their
 * 4-byte header and a PES header's worth of bytes, so demuxing still works but decoding fails.
 * @param {Uint8Array} data
 */
function scramblePayloads(data) {
  const out = new Uint8Array(data);
  const random = randomBytes(out.length);
  for (let packet = 0; packet + 188 <= out.length; packet += 188) {
    if (packet < out.length / 8) continue;
    for (let i = packet + 24; i < packet + 188; i++) out[i] = random[i];
  }
  return out;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function text(res, status, message) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
  });
  res.end(message);
}
