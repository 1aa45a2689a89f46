/**
 * The small React wrapper behind `cuecart/react`: a `forwardRef` component that renders the
 * custom element, sets the element's own properties as properties (objects and functions reach
 * it as they are, booleans are never stringified into attributes) and listens to its events.
 * It replaces `@lit/react` so that `npm install cuecart react react-dom` is enough
 * ([ADR 0040](../../docs/decisions/0040-react-wrapper-without-lit-react.md)).
 *
 * It works the same on React 18 (which would turn every custom-element prop into a string
 * attribute) and React 19 (which sets known properties itself): element props never reach
 * React, so neither version's custom-element rules apply to them.
 * @module
 */
import type * as ReactNamespace from 'react';

type ReactModule = typeof ReactNamespace;

/** What {@link createCustomElementComponent} needs to know about one element. */
export interface CustomElementComponentOptions {
  /** The React module the host app uses (one copy: hooks must come from it). */
  react: ReactModule;
  /** Registered tag name, e.g. `cuecart-player`. */
  tagName: string;
  /** Props set on the element as properties (never passed to React). */
  properties: readonly string[];
  /** Event props: prop name → DOM event type the element dispatches. */
  events: Readonly<Record<string, string>>;
  /** The component's name in React DevTools. */
  displayName: string;
}

/** One listener per event and element; the handler it calls is swapped on re-render. */
interface Listener {
  handleEvent: (event: Event) => void;
}

/**
 * A React component rendering `tagName`. Props named in `properties` are assigned to the
 * element in a layout effect (before the element's first asynchronous update, so it starts with
 * them); a removed prop restores the value the element had before the wrapper first set it.
 * Props named in `events` add one listener each. Everything else (`id`, `className`, `style`,
 * `slot`, `aria-*`, `data-*`, React's own `on…` handlers, children) goes to React unchanged.
 */
export function createCustomElementComponent<Props extends object, Element extends HTMLElement>(
  options: CustomElementComponentOptions,
): ReactNamespace.ForwardRefExoticComponent<
  ReactNamespace.PropsWithoutRef<Props> & ReactNamespace.RefAttributes<Element>
> {
  const { react: React, tagName, displayName } = options;
  const propertyNames = new Set(options.properties);
  const eventTypes = new Map(Object.entries(options.events));

  const Component = React.forwardRef<Element, Props>(function CuecartElement(props, ref) {
    const elementRef = React.useRef<Element | null>(null);
    /** Values the wrapper set last render, by prop name. */
    const applied = React.useRef(new Map<string, unknown>());
    /** The element's own value of each property before the wrapper first set it. */
    const defaults = React.useRef(new Map<string, unknown>());
    const listeners = React.useRef(new Map<string, Listener>());

    const reactProps: Record<string, unknown> = {};
    const elementProps = new Map<string, unknown>();
    const eventProps = new Map<string, unknown>();
    for (const [name, value] of Object.entries(props as Record<string, unknown>)) {
      if (eventTypes.has(name)) eventProps.set(name, value);
      else if (propertyNames.has(name)) elementProps.set(name, value);
      // React 18 sets a custom element's props as attributes by name: `className` would become
      // a `classname` attribute.
      else if (name === 'className') reactProps['class'] = value;
      else reactProps[name] = value;
    }

    // Server rendering has no element to set anything on; React 18 warns about layout effects
    // there, so the server takes the (equally inert) passive effect.
    const useElementEffect =
      typeof document === 'undefined' ? React.useEffect : React.useLayoutEffect;

    useElementEffect(() => {
      const element = elementRef.current as unknown as Record<string, unknown> | null;
      if (!element) return;
      for (const [name, value] of elementProps) {
        if (!defaults.current.has(name)) defaults.current.set(name, element[name]);
        if (!applied.current.has(name) || applied.current.get(name) !== value) {
          element[name] = value;
        }
      }
      for (const name of applied.current.keys()) {
        if (!elementProps.has(name)) element[name] = defaults.current.get(name);
      }
      applied.current = elementProps;

      for (const [name, type] of eventTypes) {
        const handler = eventProps.get(name);
        const listener = listeners.current.get(type);
        if (typeof handler === 'function') {
          const handleEvent = handler as (event: Event) => void;
          if (listener) listener.handleEvent = handleEvent;
          else {
            const created: Listener = { handleEvent };
            listeners.current.set(type, created);
            (element as unknown as Element).addEventListener(type, created);
          }
        } else if (listener) {
          listeners.current.delete(type);
          (element as unknown as Element).removeEventListener(type, listener);
        }
      }
    });

    const setRef = React.useCallback(
      (node: Element | null) => {
        const previous = elementRef.current;
        if (previous && previous !== node) {
          // A new element (React re-created it): listeners and applied values belong to the old one.
          for (const [type, listener] of listeners.current) {
            previous.removeEventListener(type, listener);
          }
          listeners.current.clear();
          applied.current = new Map();
          defaults.current = new Map();
        }
        elementRef.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      },
      [ref],
    );

    return React.createElement(tagName, {
      ...reactProps,
      ref: setRef,
      // The server renders the bare tag; the element then renders itself on the client.
      suppressHydrationWarning: true,
    });
  });
  Component.displayName = displayName;
  return Component as unknown as ReactNamespace.ForwardRefExoticComponent<
    ReactNamespace.PropsWithoutRef<Props> & ReactNamespace.RefAttributes<Element>
  >;
}
