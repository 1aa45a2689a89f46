/**
 * `cuecart/define`: the one side-effect entry. Importing it registers every Cuecart element;
 * loading it twice (or next to the CDN build) is harmless.
 * @module
 */
import { defineCuecart } from './define-elements.js';

if (typeof customElements !== 'undefined') defineCuecart();

export * from './index.js';
