import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS properties (CSS names: `inset-inline-start`, `--cuecart-x`) and their values; undefined removes. */
export type StyleProps = Readonly<Record<string, string | undefined>>;

/**
 * Sets CSS properties on an element through the CSSOM on every render, never through a `style`
 * attribute. Lit's `styleMap` writes the attribute on first render, which a page with
 * `style-src 'self'` (no `'unsafe-inline'`) blocks and reports; CSSOM writes are allowed.
 * @see https://www.w3.org/TR/CSP3/#directive-style-src-attr
 */
class StylePropsDirective extends Directive {
  private previous: readonly string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) {
      throw new Error('styleProps() binds to an element: <div ${styleProps({...})}>.');
    }
  }

  // Lit reads the directive's argument types from render(); the work happens in update().
  render(props: StyleProps): unknown {
    void props;
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) style.removeProperty(name);
      else style.setProperty(name, value);
    }
    this.previous = Object.keys(props);
    return noChange;
  }
}

/**
 * Element directive: `<div ${styleProps({ 'inset-inline-start': '40%' })}>`. Use it instead of a
 * `style` attribute or `styleMap` so Cuecart works under a strict `style-src` policy.
 */
export const styleProps = directive(StylePropsDirective);
