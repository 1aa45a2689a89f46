/**
 * The player shell: what must run before a player's first frame — `<cuecart-player>` (media
 * engine selection, cue engine) and `<cuecart-controls>`. The player loader imports this module;
 * the commerce state, the shopping elements and the checkout adapters are separate chunks it
 * requests at the same moment, in parallel with hls.js
 * (docs/decisions/0047-player-shell-and-parallel-chunks.md).
 * @module
 */
import { CuecartControls } from './ui/controls/cuecart-controls.js';
import { CuecartPlayer } from './ui/player/cuecart-player.js';
import type * as ShopModule from './define-shop.js';

/** The player shell's element classes, by tag name. */
export function playerElements(): Record<string, CustomElementConstructor> {
  return {
    [CuecartPlayer.tagName]: CuecartPlayer,
    [CuecartControls.tagName]: CuecartControls,
  };
}

/** Imports the shopping elements' chunk (once: the module map shares one download). */
export function loadShopElements(): Promise<typeof ShopModule> {
  return import('./define-shop.js');
}

/**
 * Registers the player in `registry` in the next task, its controls in the task after, and the
 * shopping elements in a task of their own once their chunk has arrived (this call requests it,
 * unless the loader already did) and the starting players in `doc` have shown their first frame
 * (`afterFirstFrames`, which arrives with that chunk: at the latest 2.5 s later, or at the
 * viewer's first key or pointer press). Each registration upgrades the elements on the page and renders them (Lit's first
 * render runs in that task's microtasks), so one registration per task — and none in the task
 * that evaluated this module — keeps each piece of start-up work short instead of one long task
 * before the first frame (docs/decisions/0049-start-up-work-in-short-tasks.md), and the
 * shopping elements' first renders wait until hls.js has the first frame on screen
 * (docs/decisions/0063-shopping-ui-after-the-first-frame.md). The player renders the elements
 * not yet registered by tag name, and they take over what it set on them when they upgrade.
 * Tags already defined are skipped. Resolves once every element is registered; a failed
 * shopping chunk is reported through the returned promise only (the player plays without it).
 */
export async function definePlayer(
  registry: CustomElementRegistry = customElements,
  doc: Document | undefined = typeof document === 'undefined' ? undefined : document,
): Promise<void> {
  const shop = loadShopElements();
  // Handled now: it may fail before it is awaited below, and is then reported from there.
  shop.catch(() => {});
  const { [CuecartPlayer.tagName]: player, ...rest } = playerElements();
  await nextTask();
  define(registry, { [CuecartPlayer.tagName]: player! });
  await nextTask();
  define(registry, rest);
  const module = await shop;
  if (doc) await module.afterFirstFrames(doc);
  await nextTask();
  module.defineShopElements(registry);
}

function define(
  registry: CustomElementRegistry,
  elements: Record<string, CustomElementConstructor>,
) {
  for (const [tag, ctor] of Object.entries(elements)) {
    if (!registry.get(tag)) registry.define(tag, ctor);
  }
}

/** Resolves in a later task (a macrotask: the browser may render and handle input before). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
