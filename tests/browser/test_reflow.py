"""Reflow (WCAG 2.1, 1.4.10), which axe does not test: at 320 CSS px no page scrolls sideways. Wide
tables scroll inside their own focusable region instead (render.table)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > width + 1);
  return document.documentElement.scrollWidth - width + ' px, o.a. ' + (wide ? wide.tagName + '.' + wide.className : '?');
}"""


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(browser, server, page_urls, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    wide = []
    for url in page_urls:
        page.goto(server + url, wait_until="load")
        found = page.evaluate(OVERFLOW)
        if found:
            wide.append(f"{url}: {found}")
    page.close()
    assert wide == []


def test_a_table_wider_than_the_screen_scrolls_in_its_own_region_by_keyboard(browser, server, page_urls):
    """Every table sits in a labelled region; one that is wider than a phone's screen scrolls inside
    it, by keyboard too."""
    page = browser.new_page(viewport={"width": 320, "height": 800})
    for url in page_urls:
        page.goto(server + url, wait_until="load")
        regions = page.locator(".ko-table__scroll")
        for i in range(regions.count()):
            region = regions.nth(i)
            assert region.get_attribute("role") == "region" and region.get_attribute("aria-label"), url
            if region.evaluate("e => e.scrollWidth > e.clientWidth"):
                region.focus()
                page.keyboard.press("ArrowRight")
                page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=5_000)
    page.close()
