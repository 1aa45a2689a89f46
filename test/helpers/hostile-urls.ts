// Shared by the hostile-input unit tests.

/** URLs a browser would run, fetch as script-ish content or read from the disk. */
export const HOSTILE_URLS = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  ' \u0001\u001fjavascript:window.__pwned=1',
  'java\tscr\nipt:window.__pwned=1',
  '\r\njavascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:image/svg+xml,<svg onload="window.__pwned=1"/>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'blob:https://shop.example/0d1f',
  'file:///etc/passwd',
  'jar:https://shop.example/x!/',
];
