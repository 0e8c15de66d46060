"""Every page in a real browser: zero axe violations (WCAG 2.0/2.1 A and AA) in light and dark,
no request to any other host, no console errors; search and navigation by keyboard alone."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass
class Sweep:
    violations: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    pages: int = 0


def sweep(browser, server: str, urls: list[str], scheme: str) -> Sweep:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    result = Sweep()
    host = urlparse(server).netloc
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    current = {"url": ""}

    def on_request(request):
        netloc = urlparse(request.url).netloc
        if request.url.startswith(("data:", "blob:")) or netloc == host:
            return
        result.foreign_requests.append(f"{current['url']}: {request.url}")

    page.on("request", on_request)
    page.on("console", lambda msg: msg.type == "error" and result.console_errors.append(
        f"{current['url']}: {msg.text}"))
    page.on("pageerror", lambda exc: result.console_errors.append(f"{current['url']}: {exc}"))
    for url in urls:
        current["url"] = url
        response = page.goto(server + url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        report = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in report.response["violations"]:
            targets = ", ".join(str(n["target"]) for n in violation["nodes"][:3])
            result.violations.append(f"{url}: {violation['id']} ({violation['impact']}) bij {targets}")
        result.pages += 1
    context.close()
    return result


@pytest.fixture(scope="module", params=["light", "dark"])
def swept(request, browser, server, page_urls) -> Sweep:
    return sweep(browser, server, page_urls, request.param)


def test_every_page_was_checked(swept, page_urls):
    assert swept.pages == len(page_urls) > 0


def test_zero_accessibility_violations(swept):
    assert swept.violations == []


def test_no_request_to_another_host(swept):
    assert swept.foreign_requests == []


def test_no_console_errors(swept):
    assert swept.console_errors == []


def search(page, server: str, query: str) -> list[str]:
    """Type `query` into the search box by keyboard; return the result links."""
    page.goto(server + "/", wait_until="load")
    page.keyboard.press("/")  # Material's shortcut to focus search
    assert page.evaluate("document.activeElement.getAttribute('name')") == "query"
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__meta", timeout=10_000)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('overeenkomend')", timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "as => as.map(a => a.href)")


def search_word(data) -> str:
    """A word readers would search for: the longest word in the first principle's title."""
    first = min(data.principles, key=lambda p: p.number)
    return max((w.strip(".,:;!?'\"()").lower() for w in first.title.split()), key=len)


def test_search_works_by_keyboard_alone(browser, server, data):
    word = search_word(data)
    page = browser.new_page()
    results = search(page, server, word)
    assert results, f"'{word}' vindt niets"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == results[0].split("?")[0]
    assert word in page.inner_text(".md-content").lower()
    page.close()


def result_count(page, server: str, query: str) -> int:
    """The number of documents Material reports (it lists only the first ten until you scroll)."""
    search(page, server, query)
    meta = page.inner_text(".md-search-result__meta")
    return 0 if meta.startswith("Geen") else int(meta.split()[0])


def regular_plurals(site, limit: int = 3) -> list[tuple[str, str]]:
    """(plural, singular) pairs that both occur in the search index: 'leerkringen'/'leerkring'."""
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = Counter(w for doc in index["docs"] for w in re.findall(r"[a-zà-ÿ]{6,}", doc["text"].lower()))
    pairs = [(w + "en", w) for w in words if w + "en" in words]
    return sorted(pairs, key=lambda p: -(words[p[0]] + words[p[1]]))[:limit]


def test_dutch_word_forms_are_found(browser, server, site):
    """Plural and singular both find pages, and the singular finds every page with the plural:
    Material's wildcard search without a stemmer (adr/0003)."""
    pairs = regular_plurals(site)
    if not pairs:
        pytest.skip("deze inhoud heeft geen woorden in enkel- én meervoud om mee te zoeken")
    page = browser.new_page()
    for plural, singular in pairs:
        plural_count = result_count(page, server, plural)
        singular_count = result_count(page, server, singular)
        assert plural_count > 0, f"'{plural}' vindt niets"
        assert singular_count >= plural_count, (plural, singular)
    page.close()


def test_navigation_works_by_keyboard_alone(browser, server):
    page = browser.new_page()
    page.goto(server + "/", wait_until="load")
    tabs = page.eval_on_selector_all(".md-tabs__link", "as => as.map(a => [a.textContent.trim(), a.href])")
    label, href = tabs[1]  # the first section after Home
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "eerste Tab: 'Ga naar inhoud'"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == label:
            break
    else:
        pytest.fail(f"'{label}' is niet met Tab te bereiken")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href
    page.close()
