import type { FrameClock } from '../cues/cue-scheduler.js';

/** A {@link FrameClock} bound to a `<video>`; `dispose()` removes every listener and callback. */
export interface VideoFrameClock extends FrameClock {
  /** Stops the frame loop and removes every listener. Safe to call twice. */
  dispose(): void;
}

type MediaTimeListener = (mediaTime: number) => void;

/**
 * Creates the media clock of a `<video>`: with `requestVideoFrameCallback` it reports the media
 * time of each presented frame (`metadata.mediaTime`); elsewhere it polls `currentTime` once per
 * animation frame while playing. Seeks (`seeked`), new media (`loadedmetadata`, `emptied`) and
 * paused time changes (`timeupdate`) are reported too, so a paused seek updates the cues.
 * The loop runs only while someone listens to frames.
 */
export function createVideoFrameClock(video: HTMLVideoElement): VideoFrameClock {
  const frameListeners = new Set<MediaTimeListener>();
  const seekListeners = new Set<MediaTimeListener>();
  const hasVideoFrameCallback = typeof video.requestVideoFrameCallback === 'function';
  let last = video.currentTime;
  let videoFrameHandle: number | undefined;
  let animationHandle: number | undefined;
  let requestedHandle: number | undefined;
  let disposed = false;

  const emit = (listeners: Set<MediaTimeListener>, time: number) => {
    if (disposed || !Number.isFinite(time)) return;
    last = time;
    for (const listener of [...listeners]) listener(time);
  };

  const onVideoFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    videoFrameHandle = undefined;
    schedule();
    emit(frameListeners, metadata.mediaTime);
  };

  const onAnimationFrame = () => {
    animationHandle = undefined;
    schedule();
    if (video.currentTime !== last) emit(frameListeners, video.currentTime);
  };

  // rVFC fires only when a frame is presented, so it can stay registered while paused; the rAF
  // fallback polls, so it runs only while the video plays.
  function schedule() {
    if (disposed || frameListeners.size === 0) return;
    if (hasVideoFrameCallback) {
      videoFrameHandle ??= video.requestVideoFrameCallback(onVideoFrame);
    } else if (!video.paused && !video.ended) {
      animationHandle ??= requestAnimationFrame(onAnimationFrame);
    }
  }

  function unschedule() {
    if (videoFrameHandle !== undefined) video.cancelVideoFrameCallback(videoFrameHandle);
    if (animationHandle !== undefined) cancelAnimationFrame(animationHandle);
    if (requestedHandle !== undefined) cancelAnimationFrame(requestedHandle);
    videoFrameHandle = animationHandle = requestedHandle = undefined;
  }

  const onSeeked = () => emit(seekListeners, video.currentTime);
  const onPausedTime = () => {
    // While playing, frames are the truth: `currentTime` can run ahead of the presented frame.
    if (video.paused || !hasVideoFrameCallback) emit(frameListeners, video.currentTime);
  };
  const events: Array<[string, () => void]> = [
    ['seeked', onSeeked],
    ['loadedmetadata', onSeeked],
    ['emptied', onSeeked],
    ['timeupdate', onPausedTime],
    ['play', schedule],
    ['playing', schedule],
  ];
  for (const [type, listener] of events) video.addEventListener(type, listener);

  const subscribe = (listeners: Set<MediaTimeListener>, cb: MediaTimeListener) => {
    listeners.add(cb);
    schedule();
    return () => {
      listeners.delete(cb);
      if (frameListeners.size === 0) unschedule();
    };
  };

  return {
    now: () => (hasVideoFrameCallback && !video.paused ? last : video.currentTime),
    onFrame: (cb) => subscribe(frameListeners, cb),
    onSeek: (cb) => subscribe(seekListeners, cb),
    requestFrame() {
      if (disposed || requestedHandle !== undefined) return;
      requestedHandle = requestAnimationFrame(() => {
        requestedHandle = undefined;
        emit(frameListeners, hasVideoFrameCallback && !video.paused ? last : video.currentTime);
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unschedule();
      for (const [type, listener] of events) video.removeEventListener(type, listener);
      frameListeners.clear();
      seekListeners.clear();
    },
  };
}
