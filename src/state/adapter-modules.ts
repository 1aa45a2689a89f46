/**
 * The built-in adapters' modules, each its own chunk, imported by kind: a Shopify page never
 * downloads the events adapter and the other way round
 * (docs/decisions/0048-adapters-load-by-kind.md). The module map makes repeated imports share
 * one download, so the player loader can start one early (`facade/player-chunks.ts`).
 * @module
 */
import type * as EventsModule from '../commerce/adapters/events.js';
import type * as ShopifyModule from './shopify-commerce.js';

/** The Shopify adapter (theme refresh included) and its product resolver: one chunk. */
export function loadShopifyCommerce(): Promise<typeof ShopifyModule> {
  return import('./shopify-commerce.js');
}

/** The events adapter's chunk. */
export function loadEventsAdapter(): Promise<typeof EventsModule> {
  return import('../commerce/adapters/events.js');
}
