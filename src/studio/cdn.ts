// Script-tag build of the studio (dist/cdn/cuecart-studio.js): registers <cuecart-studio> and
// exposes the studio's exports. Load dist/cdn/cuecart.js on the same page for the player.
import { defineStudio } from './index.js';

export * from './index.js';
defineStudio();
