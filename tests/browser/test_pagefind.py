"""Pagefind's search, the search of every harvest (macros/search.py): by keyboard alone, in Dutch,
with filters and results announced to screen readers, without accessibility violations in light and
dark, without any other host, and with working links when the site lives in a subfolder (GitHub Pages)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from sitebuild import CHROMIUM_ARGS, serve  # noqa: F401  (CHROMIUM_ARGS: same launch as the other tests)
from test_browser import WCAG

pytestmark = pytest.mark.browser


def story_word(data) -> str:
    """The longest word of the first story's title: something only a few pages contain."""
    title = data.stories[0].meta.title
    return max((w.strip(".,:;!?'\"()„”“") for w in title.split()), key=len).lower()


def open_search(page, url: str, query: str) -> list[str]:
    """Open the dialog with Ctrl+K, type `query`; the result links in order."""
    page.goto(url, wait_until="load")
    page.keyboard.press("Control+k")
    page.wait_for_selector("dialog.pf-modal[open]")
    assert page.evaluate("document.activeElement.classList.contains('pf-input')"), "focus staat niet in het zoekveld"
    page.keyboard.type(query)
    # Done when the summary names the query ("3 resultaten voor …" / "Geen resultaten voor …";
    # "Zoeken naar …" is the state in between) and the best match is drawn: results load their
    # details lazily, so the first one is waited for itself.
    page.wait_for_function("""query => {
        const summary = document.querySelector('pagefind-summary').innerText;
        return summary.includes(query) && !summary.startsWith('Zoeken naar')
            && (summary.startsWith('Geen')
                || document.querySelector('.pf-results > li:first-child a.pf-result-link') !== null);
    }""", arg=query)
    return page.eval_on_selector_all("a.pf-result-link", "links => links.map(a => a.href)")


def test_search_by_keyboard_alone(browser, server, data):
    word = story_word(data)
    page = browser.new_page()
    results = open_search(page, server + "/", word)
    assert results, f"'{word}' vindt niets"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('pf-result-link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == results[0]
    assert word in page.inner_text(".md-content").lower()
    page.keyboard.press("Control+k")
    page.wait_for_selector("dialog.pf-modal[open]")
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.pf-modal:not([open])", state="attached")
    page.close()


def test_pagefind_loads_on_first_use_and_the_button_opens_it(browser, server, data):
    """Pagefind's script is the largest on the page: it loads when the reader reaches for search."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/", wait_until="load")
    page.wait_for_timeout(300)
    assert not [u for u in requests if "/pagefind/" in u]
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_selector("dialog.pf-modal[open]")
    assert page.evaluate("document.activeElement.classList.contains('pf-input')")
    page.keyboard.type(story_word(data))
    page.wait_for_selector("a.pf-result-link")
    assert [u for u in requests if u.endswith("/pagefind/pagefind-component-ui.js")]
    page.close()


def test_search_speaks_dutch(browser, server, data):
    page = browser.new_page()
    open_search(page, server + "/", story_word(data))
    assert page.get_attribute("dialog.pf-modal", "aria-label") == "zoeken"
    assert page.get_attribute("pagefind-results ul", "aria-label") == "Zoekresultaten"
    assert page.inner_text("pagefind-input label") == "Doorzoek deze site"
    assert " voor " in page.inner_text("pagefind-summary")
    assert page.get_attribute("pagefind-modal-trigger button", "aria-label") == "Zoeken"
    # Pagefind's own Dutch says 'Reset' for clearing the field: the engine's word replaces it.
    texts = page.evaluate("[...document.querySelectorAll('pagefind-modal button, pagefind-modal [aria-label]')]"
                          ".map(e => (e.getAttribute('aria-label') || '') + ' ' + e.textContent)")
    assert not any("Reset" in text for text in texts), texts
    assert page.locator("pagefind-input button", has_text="Wissen").count() == 1 or any("Wissen" in t for t in texts)
    page.close()


def test_dutch_word_forms_find_the_same_story(browser, server):
    """Pagefind stems Dutch on index and query: plural and singular find the same pages. Asked of
    Pagefind's own API in the page (the dialog loads result details lazily, a few at a time)."""
    page = browser.new_page()
    page.goto(server + "/", wait_until="load")
    found = page.evaluate("""async (src) => {
        const pagefind = await import(src);
        const urls = async (q) => (await Promise.all((await pagefind.search(q)).results.map(r => r.data())))
            .map(d => d.url).sort();
        return [await urls('leerkring'), await urls('leerkringen'), await urls('verhaal'), await urls('verhalen')];
    }""", server + "/pagefind/pagefind.js")
    singular, plural, story, stories = found
    assert singular, "'leerkring' vindt niets"
    assert singular == plural
    # An irregular plural too, which Material's wildcard search could not find (issue 14).
    assert story and stories and set(story) & set(stories)
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_has_no_violations_and_stays_local(browser, server, data, scheme):
    from axe_playwright_python.sync_playwright import Axe

    host = urlparse(server).netloc
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    assert open_search(page, server + "/verhalen/", story_word(data))
    report = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    violations = [f"{v['id']} bij {[n['target'] for n in v['nodes'][:3]]}" for v in report.response["violations"]]
    assert violations == []
    assert errors == []
    assert [u for u in requests if urlparse(u).netloc not in (host, "")] == []
    assert not [u for u in requests if "search_index.json" in u or "workers/search" in u]
    context.close()


def test_links_work_when_the_site_lives_in_a_subfolder(browser, site, data):
    """GitHub Pages serves a project at /<repository>/: results must point inside that folder."""
    folder = site.dir.name
    for base in serve(site.dir.parent):
        page = browser.new_page()
        results = open_search(page, f"{base}/{folder}/", story_word(data))
        assert results and all(urlparse(u).path.startswith(f"/{folder}/") for u in results), results
        response = page.goto(results[0])
        assert response is not None and response.ok
        page.close()
        break


def test_filters_offer_kind_for_every_page_and_circle_principle_and_period_for_stories(browser, server, data):
    """'Soort' covers every page (a story's kind, Hoofdstuk, Basisprincipe, Leerkring, Bron, …); the others
    are the stories' own, with human labels (names, not ids); 'Periode' only from two years on."""
    page = browser.new_page()
    page.goto(server + "/", wait_until="load")
    filters = page.evaluate("""async (src) => {
        const pagefind = await import(src);
        await pagefind.options({});
        return await pagefind.filters();
    }""", server + "/pagefind/pagefind.js")
    stories = data.published_stories()
    periods = {str(p.meta.date.year) for p in stories}
    assert set(filters) == {"Leerkring", "Soort", "Principe"} | ({"Periode"} if len(periods) > 1 else set())
    assert set(filters["Leerkring"]) == {c for p in stories for c in p.meta.categories}
    words = data.strings
    assert set(filters["Soort"]) >= {words["kinds"]["story"][p.meta.kind] for p in stories}
    assert set(filters["Soort"]) >= {words["kinds"]["circle"][c.kind] for c in data.circles}
    assert set(filters["Soort"]) >= {words["search"]["kinds"]["source"]} if data.sources else True
    assert words["publication"]["kinds"]["chapter"] in filters["Soort"]
    principles = {f"{p.number}. {p.title}" for p in data.principles if data.stories_for_principle(p.id)}
    assert set(filters["Principe"]) == principles
    if len(periods) > 1:
        assert set(filters["Periode"]) == periods
    # Counts per value are the number of stories.
    circle = next(p for p in stories if p.meta.categories).meta.categories[0]
    assert filters["Leerkring"][circle] == len([p for p in stories if circle in p.meta.categories])
    page.close()


def test_choosing_a_filter_narrows_the_results_in_the_dialog(browser, server, data):
    """By keyboard: open the group 'Leerkring', tick a circle; only its stories remain."""
    page = browser.new_page()
    open_search(page, server + "/", "leerkring")
    before = page.inner_text("pagefind-summary")
    circle = next(p for p in data.published_stories() if p.meta.categories).meta.categories[0]
    page.locator("details[data-filter-name='Leerkring'] > summary").focus()
    page.keyboard.press("Enter")
    page.get_by_role("checkbox", name=circle).focus()
    page.keyboard.press("Space")
    page.wait_for_function("before => document.querySelector('pagefind-summary').innerText !== before", arg=before)
    page.wait_for_selector(".pf-results > li:first-child a.pf-result-link")
    links = page.eval_on_selector_all("a.pf-result-link", "links => links.map(a => a.getAttribute('href'))")
    slugs = [p.slug for p in data.published_stories() if circle in p.meta.categories]
    assert links and all(any(slug in link for slug in slugs) for link in links), links
    page.close()


def test_results_are_announced_to_screen_readers(browser, server):
    """A live region (role=status) says how many results there are, in Dutch."""
    page = browser.new_page()
    open_search(page, server + "/", "leerkring")
    page.wait_for_function("""() => [...document.querySelectorAll('[data-pagefind-announcer] [role=status]')]
        .some(r => /\\d+ resultaten? voor/.test(r.textContent))""")
    page.close()


def test_each_result_says_what_it_is(browser, server, data):
    """A result shows its kind above its title (Column, Hoofdstuk, Leerkring, Bron, Begrippen, …), and the
    dialog says which filters narrow the stories only."""
    page = browser.new_page()
    open_search(page, server + "/", "leerkring")
    page.wait_for_function("document.querySelectorAll('.pf-results .pf-result-kind').length >= 3")
    kinds = page.eval_on_selector_all(".pf-results > li .pf-result-kind", "ps => ps.map(p => p.textContent.trim())")
    words = data.strings
    known = ({*words["kinds"]["story"].values(), *words["kinds"]["circle"].values(),
              *words["publication"]["kinds"].values(), *words["search"]["kinds"].values(),
              *(entry.kind for entry, _depth, _part in (data.contents.entries() if data.contents else []) if entry.kind)})
    assert kinds and set(kinds) <= known, kinds
    note = page.inner_text(".ko-pagefind__note")
    assert all(name in note for name in words["search"]["filters"].values()), note
    page.close()


def test_no_keyboard_hints_on_a_touch_screen(browser, server, data):
    """A phone has no arrow keys or Enter to hint at; a laptop does."""
    for touch, shown in ((True, False), (False, True)):
        context = browser.new_context(has_touch=touch, is_mobile=touch, viewport={"width": 390 if touch else 1366, "height": 800})
        page = context.new_page()
        page.goto(server + "/", wait_until="load")
        page.click("pagefind-modal-trigger button")
        page.wait_for_selector("dialog.pf-modal[open]")
        assert page.locator("pagefind-keyboard-hints").is_visible() == shown, touch
        context.close()


def test_results_are_short_and_readable(browser, server):
    """A short excerpt per result, no facts box run together ('SoortLeerkring…'), no ids."""
    page = browser.new_page()
    page.goto(server + "/", wait_until="load")
    results = page.evaluate("""async (src) => {
        const pagefind = await import(src);
        const found = await pagefind.search('leerkring');
        return Promise.all(found.results.slice(0, 20).map(r => r.data()));
    }""", server + "/pagefind/pagefind.js")
    assert results
    for result in results:
        excerpt = result["excerpt"]
        text = excerpt.replace("<mark>", "").replace("</mark>", "")
        assert len(text) <= 320, (result["url"], text)
        assert "SoortLeerkring" not in text and "LeerkringDoel" not in text, (result["url"], text)
        assert result["meta"]["title"], result["url"]
    page.close()
