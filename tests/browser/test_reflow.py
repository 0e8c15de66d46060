"""Reflow (WCAG 2.1, 1.4.10), which axe does not test: at 320 CSS px no page scrolls sideways. Wide
tables scroll inside their own focusable region instead (ko/macros.html, table)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > width + 1);
  return document.documentElement.scrollWidth - width + ' px, o.a. ' + (wide ? wide.tagName + '.' + wide.className : '?');
}"""


TABLE_REGIONS = """() => [...document.querySelectorAll('.ko-table__scroll')].map((e, i) => ({
  i, role: e.getAttribute('role'), label: e.getAttribute('aria-label'), wide: e.scrollWidth > e.clientWidth}))"""


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(browser, server, page_urls, width):
    """No page scrolls sideways. Every table sits in a labelled region; one that is wider than the
    screen scrolls inside it, by keyboard too (checked on the same visit)."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    wide = []
    for url in page_urls:
        page.goto(server + url, wait_until="load")
        found = page.evaluate(OVERFLOW)
        if found:
            wide.append(f"{url}: {found}")
        for region in page.evaluate(TABLE_REGIONS):
            assert region["role"] == "region" and region["label"], url
            if region["wide"]:
                page.locator(".ko-table__scroll").nth(region["i"]).focus()
                page.keyboard.press("ArrowRight")
                page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=5_000)
    page.close()
    assert wide == []
