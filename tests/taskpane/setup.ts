/**
 * jsdom lacks a few browser APIs Fluent UI v9 touches (media queries for motion preferences,
 * ResizeObserver for overflow and positioning). Import this first in every task-pane test.
 */
if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      configurable: true,
      value: (query: string): MediaQueryList =>
        ({
          matches: false,
          media: query,
          onchange: null,
          addListener: () => undefined,
          removeListener: () => undefined,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
          dispatchEvent: () => false,
        }) as MediaQueryList,
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', {
      writable: true,
      configurable: true,
      value: ResizeObserverStub,
    });
    Object.defineProperty(globalThis, 'ResizeObserver', {
      writable: true,
      configurable: true,
      value: ResizeObserverStub,
    });
  }
  if (!Element.prototype.scrollIntoView) {
    Element.prototype.scrollIntoView = function scrollIntoView(): void {};
  }
}

/**
 * Fluent's styles (Griffel) are left out of the test document. jsdom's getComputedStyle matches
 * every rule of every style sheet against the element, and Fluent's positioning asks it about
 * every ancestor of a dropdown each time a list opens: with Fluent's thousands of rules that was a
 * minute per test on a busy machine. These tests assert behaviour and text, not looks (the browser
 * test looks at pixels), so only the rules that hide elements are kept.
 */
if (typeof CSSStyleSheet !== 'undefined') {
  // jsdom's CSSStyleSheet is shared by every test file a worker runs: patch it once, from the
  // original. Only Griffel inserts rules one by one here (jsdom's sheets have no ownerNode to
  // tell them apart). Rules that hide things stay: accessible names and role queries depend on
  // them (a tab's hidden bold copy of its label, closed lists).
  const proto = CSSStyleSheet.prototype as CSSStyleSheet & { zgtzInsertRule?: CSSStyleSheet['insertRule'] };
  const original = (proto.zgtzInsertRule ??= proto.insertRule);
  proto.insertRule = function insertHidingRule(this: CSSStyleSheet, rule: string, index?: number) {
    if (!/display:\s*none|visibility:\s*hidden/.test(rule)) return this.cssRules.length;
    return original.call(this, rule, index);
  };
}

export {};

/**
 * jsdom's getComputedStyle matches every CSS rule on the page against the element, and Fluent's
 * positioning and the accessible-name computation call it again and again on the same elements:
 * one test took a minute. Answers are remembered until the DOM changes (checked synchronously on
 * every call, so a style never outlives a mutation).
 */
if (typeof window !== 'undefined' && typeof MutationObserver !== 'undefined') {
  const computed = window.getComputedStyle.bind(window);
  let remembered = new WeakMap<Element, Map<string, CSSStyleDeclaration>>();
  const changes = new MutationObserver(() => undefined);
  changes.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const cachedStyle = (el: Element, pseudo?: string | null): CSSStyleDeclaration => {
    if (changes.takeRecords().length > 0) remembered = new WeakMap();
    let byPseudo = remembered.get(el);
    if (!byPseudo) remembered.set(el, (byPseudo = new Map()));
    const key = pseudo ?? '';
    let style = byPseudo.get(key);
    if (!style) byPseudo.set(key, (style = computed(el, pseudo)));
    return style;
  };
  Object.defineProperty(window, 'getComputedStyle', {
    writable: true,
    configurable: true,
    value: cachedStyle,
  });
}
