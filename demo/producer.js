// Producer page wiring: switch the studio between the live show and a replay to tag.
const studio = document.getElementById('studio');
const SOURCES = { live: '/live/ts/index.m3u8', replay: '/test/fixtures/hls-plain-ts/index.m3u8' };

for (const button of document.querySelectorAll('[data-mode]')) {
  button.addEventListener('click', () => {
    for (const other of document.querySelectorAll('[data-mode]')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
    studio.mode = button.dataset.mode;
    studio.src = SOURCES[button.dataset.mode];
  });
}
