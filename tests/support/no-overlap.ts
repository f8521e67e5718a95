import { expect, type Locator, type Page } from "@playwright/test";

/**
 * « Nothing covers an action », measured: scrolls `action` into view, then checks that the floating
 * WhatsApp button (when shown at this width) overlaps none of the buttons, links and fields that a
 * shopper can see in the viewport. "Can see" is decided by hit-testing, so a control hidden behind an
 * opaque bar (the sticky header, the phone's buy bar) does not count, but one hidden by the float does:
 * the float is transparent to the probe. Returns how many controls were checked, so a caller can tell
 * that the check looked at something.
 */
export async function expectNothingCoversActions(
  page: Page,
  action: Locator,
  { float = "whatsapp-float" } = {},
): Promise<number> {
  await action.scrollIntoViewIfNeeded();
  await expect(action).toBeVisible();
  const result = await page.evaluate((floatTestId) => {
    const floatEl = document.querySelector<HTMLElement>(`[data-testid="${floatTestId}"]`);
    const floatRect = floatEl && floatEl.getClientRects().length ? floatEl.getBoundingClientRect() : null;
    const shown = floatRect && floatRect.width > 0 && getComputedStyle(floatEl!).visibility !== "hidden";
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    // Seen through the float: what would be under the finger if the float were not there.
    const previous = floatEl?.style.pointerEvents;
    if (floatEl) floatEl.style.pointerEvents = "none";
    const controls = [
      ...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary"),
    ]
      .filter((el) => el !== floatEl && !floatEl?.contains(el))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(
        ({ rect }) =>
          rect.width > 0 &&
          rect.height > 0 &&
          rect.bottom > 0 &&
          rect.right > 0 &&
          rect.top < viewport.height &&
          rect.left < viewport.width,
      )
      .filter(({ el, rect }) => {
        const x = Math.min(Math.max(rect.left + rect.width / 2, 0), viewport.width - 1);
        const y = Math.min(Math.max(rect.top + rect.height / 2, 0), viewport.height - 1);
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (el === hit || el.contains(hit) || hit.contains(el));
      });
    if (floatEl) floatEl.style.pointerEvents = previous ?? "";
    const overlaps = shown
      ? controls
          .filter(
            ({ rect }) =>
              rect.left < floatRect!.right &&
              rect.right > floatRect!.left &&
              rect.top < floatRect!.bottom &&
              rect.bottom > floatRect!.top,
          )
          .map(({ el }) =>
            (el.getAttribute("aria-label") ?? el.textContent ?? el.tagName).trim().replace(/\s+/g, " ").slice(0, 60),
          )
      : [];
    return { shown: Boolean(shown), checked: controls.length, overlaps };
  }, float);
  expect(result.overlaps, `the floating WhatsApp button covers: ${result.overlaps.join(", ")}`).toEqual([]);
  return result.checked;
}
