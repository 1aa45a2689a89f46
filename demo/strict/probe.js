// Loaded first, as a classic script: records every CSP / Trusted Types violation on this page so
// the strict-CSP smoke test (test/node/strict-csp.test.mjs) and a person looking at the page can
// see that there are none. No inline script anywhere: the page's own policy forbids it.
window.cuecartViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cuecartViolations.push({
    directive: event.effectiveDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
  const list = document.getElementById('violations');
  if (list) list.textContent = `${window.cuecartViolations.length} policy violation(s)`;
});
// What a Shopify theme provides: the store's route root (the local store follows the AJAX cart
// contract under it).
window.Shopify = { routes: { root: '/' } };
