// The cue engine (cue store, timeline, scheduler, JSON and payload parsers) is a chunk of its own
// (docs/decisions/0066-cue-engine-chunk.md). These players hold that chunk back, so what a page
// or the stream gives before it arrives can be observed: kept, applied in order once it arrives,
// cues entering on their frames; a chunk that fails is reported and the video plays on.
import { expect, waitUntil } from '@open-wc/testing';
import type { DateRangeInput } from '../../../src/cues/daterange.js';
import type { CueEventDetail } from '../../../src/ui/shared/ui-events.js';
import type { CuecartErrorDetail } from '../../../src/internal/errors.js';
import { loadCueStore } from '../../../src/ui/player/cue-controller.js';
import { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';
import { createHeldPlayer, heldChunk as heldChunkOf, tasks } from '../../helpers/held-chunk.js';
import { FIXTURES } from '../../helpers/player.js';

/** How far past its start (media seconds) a cue may enter: a frame or two of the clip. */
const FRAME_TOLERANCE = 0.1;

/** The chunk, held back by the test (released with the real module, or failed). */
const heldChunk = () => heldChunkOf(loadCueStore);

/** A player whose engine can be made to hand over a DATERANGE batch, as hls.js would. */
interface HeldPlayer extends CuecartPlayer {
  dateRanges(ranges: DateRangeInput[]): void;
}

/** A player (own tag) whose cue chunk is `chunk`, not yet in the page. */
function playerWith(chunk: ReturnType<typeof heldChunk>, attributes: Record<string, string> = {}) {
  return createHeldPlayer<HeldPlayer>(
    class extends CuecartPlayer {
      protected static override loadCues = chunk.load;
      dateRanges(ranges: DateRangeInput[]) {
        this.cueController.engineMetadata.onDateRanges(ranges);
      }
    },
    attributes,
  );
}

/** A Cuecart DATERANGE featuring `product` from media time `start`. */
function range(id: string, start: number, product: string): DateRangeInput {
  return {
    id,
    class: 'com.cuecart.product',
    startDate: new Date(Date.UTC(2026, 0, 1) + start * 1000),
    startTime: start,
    duration: 2,
    endOnNext: false,
    attr: { 'X-CUECART-PRODUCT': product },
  };
}

describe('CuecartPlayer with the cue-engine chunk on its way', () => {
  let player: HeldPlayer | undefined;
  afterEach(() => {
    player?.remove();
    player = undefined;
  });

  it('keeps early cueList, addCues and in-band batches, and applies them in call order when it arrives', async () => {
    const chunk = heldChunk();
    player = playerWith(chunk);
    document.body.append(player);
    await tasks();
    expect(chunk.requests).to.equal(1);

    player.cueList = [{ id: 'a', start: 1, product: 'tee' }];
    player.addCues([{ id: 'b', start: 2, product: 'mug' }]);
    // Replaces both: only the last list and what is added after it count.
    player.cueList = [
      { id: 'c', start: 3, product: 'cap' },
      { id: 'd', start: 4, product: 'scarf' },
    ];
    player.addCues([{ id: 'd', start: 4, product: 'hat' }]);
    // Two in-band batches naming the same DATERANGE: the later one is the cue.
    player.dateRanges([range('r', 5, 'tote')]);
    player.dateRanges([range('r', 5, 'bag')]);

    let updated = false;
    void player.updateComplete.then(() => (updated = true));
    await tasks();
    // Before the chunk: nothing known yet, and no store.
    expect(player.cueList).to.deep.equal([]);
    expect(player.activeCues).to.deep.equal([]);
    expect(player.cueStore === undefined, 'no cue store yet').to.equal(true);
    expect(updated, 'updateComplete waits for the chunk').to.equal(false);

    chunk.release();
    await player.updateComplete;
    expect(player.cueStore === undefined, 'the cue store is there').to.equal(false);
    await player.cueStore!.settled();
    expect(player.cueList.map((cue) => [cue.source, cue.payload.product, cue.start])).to.deep.equal(
      [
        ['api', 'cap', 3],
        ['api', 'hat', 4],
        ['daterange', 'bag', 5],
      ],
    );
  });

  it('enters a cue whose start passed while it was on its way at once, and the next on its frame', async () => {
    const chunk = heldChunk();
    player = playerWith(chunk, { src: FIXTURES.mp4 });
    const entered: CueEventDetail[] = [];
    player.addEventListener('cuecart-cue-enter', (event) =>
      entered.push((event as CustomEvent<CueEventDetail>).detail),
    );
    document.body.append(player);
    player.cueList = [{ id: 'past', start: 0.1, end: 30, product: 'tee' }];
    await player.play();
    await waitUntil(() => player!.currentTime > 0.4, 'the video did not play', {
      timeout: 15_000,
    });
    const next = player.currentTime + 1;
    player.addCues([{ id: 'next', start: next, end: 30, product: 'mug' }]);
    await tasks();
    expect(entered, 'no cue enters before the chunk').to.deep.equal([]);

    chunk.release();
    await waitUntil(() => entered.length >= 1, 'the passed cue did not enter');
    expect(entered[0]!.cue.payload.product).to.equal('tee');
    expect(entered[0]!.time).to.be.greaterThan(0.4);
    expect(entered[0]!.time).to.be.below(next);
    expect(player.activeCues.map((cue) => cue.payload.product)).to.deep.equal(['tee']);

    await waitUntil(() => entered.length >= 2, 'the next cue did not enter', { timeout: 15_000 });
    expect(entered[1]!.cue.payload.product).to.equal('mug');
    expect(entered[1]!.time).to.be.at.least(next);
    expect(entered[1]!.time - next).to.be.below(FRAME_TOLERANCE);
  });

  it('reports a failed chunk as cues-load-failed; the video plays and updateComplete resolves', async () => {
    const chunk = heldChunk();
    const errors: CuecartErrorDetail[] = [];
    player = playerWith(chunk, { src: FIXTURES.mp4 });
    player.addEventListener('cuecart-error', (event) =>
      errors.push((event as CustomEvent<CuecartErrorDetail>).detail),
    );
    document.body.append(player);
    player.cueList = [{ id: 'a', start: 0.1, product: 'tee' }];
    player.dateRanges([range('r', 0.2, 'tote')]);
    chunk.fail(new TypeError('Failed to fetch dynamically imported module'));
    await player.updateComplete;
    expect(errors.map((e) => e.code)).to.deep.equal(['cues-load-failed']);
    expect(errors[0]!.message).to.contain('could not be loaded');
    expect(player.cueStore === undefined, 'no cue store').to.equal(true);
    expect(player.cueList).to.deep.equal([]);

    await player.play();
    await waitUntil(() => player!.currentTime > 0.3, 'the video did not play', {
      timeout: 15_000,
    });
    player.addCues([{ id: 'b', start: 1, product: 'mug' }]);
    expect(player.cueList).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['cues-load-failed']);
  });
});
