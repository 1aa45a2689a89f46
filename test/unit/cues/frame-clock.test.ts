import { expect } from '@open-wc/testing';
import { createVideoFrameClock } from '../../../src/player/frame-clock.js';

/** A stand-in `<video>`: an EventTarget with the few members the clock reads. */
class FakeVideo extends EventTarget {
  currentTime = 0;
  paused = true;
  ended = false;
  listeners = 0;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners--;
    super.removeEventListener(...args);
  }
}

describe('createVideoFrameClock', () => {
  it('reports paused seeks and time updates, and removes every listener on dispose', () => {
    const video = new FakeVideo();
    const clock = createVideoFrameClock(video as unknown as HTMLVideoElement);
    const seeks: number[] = [];
    const frames: number[] = [];
    clock.onSeek((t) => seeks.push(t));
    clock.onFrame((t) => frames.push(t));
    video.currentTime = 12;
    video.dispatchEvent(new Event('seeked'));
    video.dispatchEvent(new Event('timeupdate'));
    expect(seeks).to.deep.equal([12]);
    expect(frames).to.deep.equal([12]);
    expect(clock.now()).to.equal(12);
    clock.dispose();
    expect(video.listeners).to.equal(0);
    video.dispatchEvent(new Event('seeked'));
    expect(seeks).to.deep.equal([12]);
  });

  it('polls currentTime every animation frame while playing when rVFC is missing', async () => {
    const video = new FakeVideo();
    const clock = createVideoFrameClock(video as unknown as HTMLVideoElement);
    const frames: number[] = [];
    const got = new Promise<void>((resolve) =>
      clock.onFrame((t) => {
        frames.push(t);
        if (t >= 2) resolve();
      }),
    );
    video.paused = false;
    video.dispatchEvent(new Event('playing'));
    video.currentTime = 1;
    await new Promise((r) => requestAnimationFrame(r));
    video.currentTime = 2;
    await got;
    clock.dispose();
    expect(frames[frames.length - 1]).to.equal(2);
  });

  it('works on a real <video> element', () => {
    const video = document.createElement('video');
    const clock = createVideoFrameClock(video);
    const off = clock.onFrame(() => {});
    expect(clock.now()).to.equal(0);
    clock.requestFrame?.();
    off();
    clock.dispose();
  });
});
