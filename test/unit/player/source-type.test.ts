import { expect } from '@open-wc/testing';
import { progressiveMimeType, sourceKind } from '../../../src/player/source-type.js';

describe('sourceKind', () => {
  it('recognises HLS playlists by path, ignoring query and fragment', () => {
    expect(sourceKind('https://cdn.example/live/index.m3u8')).to.equal('hls');
    expect(sourceKind('/show.M3U8?token=abc#t=10')).to.equal('hls');
    expect(sourceKind('/video.mp4?format=m3u8')).to.equal('progressive');
    expect(sourceKind('/playback/abc')).to.equal('progressive');
  });

  it('lets an explicit MIME type decide', () => {
    expect(sourceKind('/playback/abc', 'application/vnd.apple.mpegurl')).to.equal('hls');
    expect(sourceKind('/playback/abc', 'application/x-mpegURL')).to.equal('hls');
    expect(sourceKind('/a.m3u8', 'video/mp4')).to.equal('progressive');
  });
});

describe('progressiveMimeType', () => {
  it('maps known extensions and returns null otherwise', () => {
    expect(progressiveMimeType('/a.mp4?x=1')).to.equal('video/mp4');
    expect(progressiveMimeType('/a.WEBM')).to.equal('video/webm');
    expect(progressiveMimeType('/a.avi')).to.equal('video/x-msvideo');
    expect(progressiveMimeType('/a')).to.equal(null);
  });
});
