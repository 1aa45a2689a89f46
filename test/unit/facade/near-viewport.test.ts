import { expect, waitUntil } from '@open-wc/testing';
import { isMarkedNear, markNear, whenNearViewport } from '../../../src/facade/near-viewport.js';

function box(top: number): HTMLElement {
  const element = document.createElement('div');
  element.style.cssText = `position:absolute;top:${top}px;width:10px;height:10px`;
  document.body.append(element);
  return element;
}

describe('whenNearViewport', () => {
  const made: HTMLElement[] = [];
  afterEach(() => made.splice(0).forEach((element) => element.remove()));
  const place = (top: number) => {
    const element = box(top);
    made.push(element);
    return element;
  };

  it('calls back at once for an element the loader marked near', () => {
    const element = place(50_000);
    markNear(element);
    let near = 0;
    whenNearViewport(element, new AbortController().signal, () => near++);
    expect(near).to.equal(1);
  });

  it('never measures synchronously: an element in view is reported by the observer, then marked', async () => {
    const element = place(10);
    let near = 0;
    whenNearViewport(element, new AbortController().signal, () => near++);
    expect(near, 'called during the call: a synchronous layout read').to.equal(0);
    await waitUntil(() => near === 1, 'the observer did not report the element');
    expect(isMarkedNear(element)).to.equal(true);
  });

  it('waits while far away, and not after an abort', async () => {
    const far = place(50_000);
    const abort = new AbortController();
    let near = 0;
    whenNearViewport(far, abort.signal, () => near++);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    expect(near).to.equal(0);
    expect(isMarkedNear(far)).to.equal(false);
    abort.abort();
    far.style.top = '10px';
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    expect(near).to.equal(0);
  });
});
