/**
 * A tiny DOM builder that cannot inject markup: string children become text nodes, attributes
 * are set one by one with `setAttribute`, and nothing here ever touches `innerHTML`.
 */
export type Child = Node | string | null | undefined | false;

export interface Props {
  /** CSS class names, space-separated. */
  readonly class?: string;
  /** Attributes set with `setAttribute` (values are never parsed as HTML). */
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** Click handler (buttons, links). */
  readonly onClick?: (event: MouseEvent) => void;
}

/**
 * Builds an element whose text comes only through text nodes.
 * @example h("p", { class: "verdict" }, "2 of 3 decision-maker meetings booked") → <p class="verdict">2 of 3 …</p>
 */
export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  if (props.onClick) node.addEventListener("click", props.onClick as EventListener);
  append(node, children);
  return node;
};

/** Appends children, strings as text nodes. */
export const append = (parent: Node, children: readonly Child[]): void => {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
};

/** Replaces every child of `parent` with `children`. */
export const replaceChildren = (parent: Element, ...children: readonly Child[]): void => {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
};

let idCounter = 0;
/** A document-unique id for label/aria wiring: uniqueId("spot") → "spot-3". */
export const uniqueId = (prefix: string): string => `${prefix}-${++idCounter}`;
