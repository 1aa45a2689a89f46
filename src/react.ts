/**
 * `cuecart/react`: React 18/19 components wrapping the Cuecart elements, with typed props and
 * events. Importing it registers the elements (React renders the custom elements directly).
 * @module
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { defineCuecart } from './define-elements.js';
import { CuecartPlayer as CuecartPlayerElement } from './ui/player/cuecart-player.js';
import type { CuecartErrorDetail } from './internal/errors.js';

if (typeof customElements !== 'undefined') defineCuecart();

/** `<cuecart-player>` as a React component. */
export const CuecartPlayer = createComponent({
  tagName: 'cuecart-player',
  elementClass: CuecartPlayerElement,
  react: React,
  events: {
    onError: 'cuecart-error' as EventName<CustomEvent<CuecartErrorDetail>>,
  },
});
