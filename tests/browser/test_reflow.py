"""Reflow and measure, which axe does not test. At 320 and 390 CSS px no page scrolls sideways and no
table is cut off or scrolls inside its box: its rows stack (ko/macros.html, table); in light and in
dark. At 1366 px no line of running text is longer than 80 characters (the stylesheet's measure)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > width + 1);
  return document.documentElement.scrollWidth - width + ' px, o.a. ' + (wide ? wide.tagName + '.' + wide.className : '?');
}"""

# Every table (the engine's and those written in Markdown): wider than its box, or a cell whose content
# does not fit it. Returns what is wrong, per table.
CLIPPED_TABLES = """() => [...document.querySelectorAll('.md-content table')].flatMap((table, i) => {
  const box = table.closest('.ko-table__scroll, .md-typeset__scrollwrap') || table.parentElement;
  const found = [];
  if (box.scrollWidth > box.clientWidth + 1) found.push(`tabel ${i + 1} scrollt opzij (${box.scrollWidth} > ${box.clientWidth} px)`);
  if (table.getBoundingClientRect().right > document.documentElement.clientWidth + 1) found.push(`tabel ${i + 1} valt buiten het scherm`);
  for (const cell of table.querySelectorAll('th, td')) {
    if (cell.closest('thead') && cell.closest('thead').getBoundingClientRect().width <= 1) continue;  // for screen readers only
    if (cell.scrollWidth > cell.clientWidth + 1) { found.push(`tabel ${i + 1}: cel '${cell.textContent.trim().slice(0, 30)}' past niet`); break; }
  }
  return found;
})"""

# The longest line of running text, in characters (spaces included), measured from where the browser
# breaks the lines: each character's box, grouped by the line it stands on.
LONGEST_LINE = """() => {
  const blocks = [...document.querySelectorAll('.md-content .md-typeset :is(p, li, dd, dt, blockquote, figcaption)')]
    .filter(e => !e.closest('table, nav, .ko-letters, .md-footer'));
  const range = document.createRange();
  let worst = {chars: 0, text: ''};
  for (const block of blocks) {
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.textContent.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        const line = Math.round((rect.top + rect.bottom) / 2 / 8);
        lines.set(line, (lines.get(line) || 0) + 1);
      }
    }
    for (const count of lines.values()) {
      if (count > worst.chars) worst = {chars: count, text: block.textContent.trim().slice(0, 60)};
    }
  }
  return worst;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_and_every_table_fits_on_a_phone(browser, server, page_urls, width, scheme):
    """No page scrolls sideways, and every table on every page fits its column: nothing cut off,
    nothing to scroll inside a table. Every engine table still sits in a labelled region."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    wide, clipped = [], []
    for url in page_urls:
        page.goto(server + url, wait_until="load")
        found = page.evaluate(OVERFLOW)
        if found:
            wide.append(f"{url}: {found}")
        clipped += [f"{url}: {problem}" for problem in page.evaluate(CLIPPED_TABLES)]
        for region in page.locator(".ko-table__scroll").all():
            assert region.get_attribute("role") == "region" and region.get_attribute("aria-label"), url
    context.close()
    assert wide == []
    assert clipped == []


def test_a_stacked_row_names_its_columns(browser, server, page_urls, data):
    """On a phone each cell of an engine table shows its column's name; on a wide screen it does not."""
    names = "[...document.querySelectorAll('.ko-table td .ko-cell__label')].map(e => getComputedStyle(e).display)"
    for width, shown in ((390, "block"), (1366, "none")):
        page = browser.new_page(viewport={"width": width, "height": 800})
        seen = []
        for url in page_urls:
            page.goto(server + url, wait_until="load")
            seen += page.evaluate(names)
        page.close()
        assert set(seen) <= {shown}, width
        assert seen or not (data.comparisons or data.tables), width


def test_running_text_keeps_a_readable_measure_on_a_wide_screen(browser, server, page_urls):
    """At 1366 px no line of running text on any page is longer than 80 characters (about 70 is the aim)."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    long = []
    for url in page_urls:
        page.goto(server + url, wait_until="load")
        worst = page.evaluate(LONGEST_LINE)
        if worst["chars"] > 80:
            long.append(f"{url}: {worst['chars']} tekens ('{worst['text']}')")
    page.close()
    assert long == []
