"""Theme overrides are copies of Material's partials with one declared edit each. Re-deriving them
from the installed Material catches an upgrade that changed the upstream partial."""

import re
from pathlib import Path

import material
import pytest

UPSTREAM = Path(material.__file__).parent / "templates" / "partials"
OVERRIDES = Path(__file__).resolve().parents[2] / "overrides" / "partials"

EDITS = {
    "copyright.html": [("  {% if not config.extra.generator == false %}", """  {% if config.extra.footer_links %}
    <nav class="ko-footer-links" aria-label="Over deze website">
      {% for item in config.extra.footer_links %}
        <a href="{{ item.url | url }}" class="ko-footer-links__link">{{ item.title | e }}</a>
      {% endfor %}
    </nav>
  {% endif %}
  {% if not config.extra.generator == false %}""")],
    "content.html": [
        ("{% if \"\\u003ch1\" not in page.content %}", """<div data-pagefind-body>
{% if "\\u003ch1" not in page.content %}"""),
        ("{{ page.title | d(config.site_name, true)}}</h1>\n{% endif %}\n",
         "{{ page.title | d(config.site_name, true)}}</h1>\n{% endif %}\n{% include \"ko/story-byline.html\" %}\n"
         "{% include \"ko/search-kind.html\" %}\n"),
        ("{{ page.content }}\n", """{{ page.content }}
{% include "ko/story-meta.html" %}
</div>
{% include "ko/edit-link.html" %}
"""),
    ],
    "post.html": [("""        <li class="md-meta__item">
          <time datetime="{{ post.config.date.created }}">
            {{- post.config.date.created | date -}}
          </time>
          {#- Collapse whitespace -#}
        </li>""", """        {% if config.extra.ko_dating_informs %}
        <li class="md-meta__item">
          {% include "ko/story-date.html" %}
          {#- Collapse whitespace -#}
        </li>
        {% endif %}"""), ("""          {{ lang.t("blog.continue") }}
        </a>""", """          {{ lang.t("blog.continue") }}<span class="ko-visually-hidden">: {{ post.title }}</span>
        </a>""")],
    "../blog.html": [("""        {% endblock %}
      {% endif %}
    </div>""", """        {% endblock %}
      {% endif %}
      {% include "ko/edit-link.html" %}
    </div>"""), ("""      <header class="md-typeset">
        {{ page.content }}
      </header>
      {% for post in posts %}
        {% include "partials/post.html" %}
      {% endfor %}""", """      {% if page.url == config.extra.ko_blog_index %}
        <div class="md-typeset">
          {{ page.content }}
        </div>
      {% else %}
      <header class="md-typeset">
        {{ page.content }}
      </header>
      {% for post in posts %}
        {% include "partials/post.html" %}
      {% endfor %}
      {% endif %}""")],
    "header.html": [("    {% if config.repo_url %}", """    {% include "ko/pagefind.html" %}
    {% if config.repo_url %}""")],
    # Previous and next in the publication's reading order (macros/publication.py), not the menu's.
    "footer.html": [("<footer class=\"md-footer\">\n", """<footer class="md-footer">
  {%- from "ko/story-page.html" import is_story %}
  {%- set reading = config.extra.ko_reading %}
  {%- set ko_prev = none %}{% set ko_next = none %}
  {%- if reading and page and page.url in reading.steps %}
    {%- set ko_prev = reading.steps[page.url].prev %}{% set ko_next = reading.steps[page.url].next %}
  {%- elif reading and is_story(page) %}
    {#- The blog links its posts oldest to newest: newest first, 'Volgende' is the blog's previous. -#}
    {%- set ko_prev = page.next_page if is_story(page.next_page) and page.next_page.url not in reading.steps else reading.last %}
    {%- set ko_next = page.previous_page if is_story(page.previous_page) and page.previous_page.url not in reading.steps else none %}
  {%- endif %}
"""), ("{% if page.previous_page or page.next_page %}", "{% if ko_prev or ko_next %}"),
        ("{% if page.previous_page %}", "{% if ko_prev %}"),
        ('<a href="{{ page.previous_page.url | url }}" class="md-footer__link md-footer__link--prev" aria-label="{{ direction }}: {{ page.previous_page.title | e }}">',
         '<a href="{{ ko_prev.url | url }}" class="md-footer__link md-footer__link--prev" aria-label="{{ direction }}: {{ ko_prev.title | e }}">'),
        ("{{ page.previous_page.title }}", "{{ ko_prev.title }}"), ("{% if page.next_page %}", "{% if ko_next %}"),
        ('<a href="{{ page.next_page.url | url }}" class="md-footer__link md-footer__link--next" aria-label="{{ direction }}: {{ page.next_page.title | e }}">',
         '<a href="{{ ko_next.url | url }}" class="md-footer__link md-footer__link--next" aria-label="{{ direction }}: {{ ko_next.title | e }}">'),
        ("{{ page.next_page.title }}", "{{ ko_next.title }}")],
}


# Each partial of the engine is looked for in the circle's own folder first (a circle overrides one there).
EDITS = {name: [(old, re.sub(r'\{% include "(ko/[a-z-]+\.html)" %\}',
                             r'{% include [config.extra.ko_own_templates ~ "\1", "\1"] %}', new)) for old, new in edits]
         for name, edits in EDITS.items()}


def without_header(text: str) -> str:
    return re.sub(r"\A\{#-.*?-#\}\n", "", text, flags=re.S)


def test_every_override_is_declared():
    # Partials, and the blog overview (one level up); main.html and 404.html extend Material's base,
    # blog-post.html (a story as an article) extends main.html: the engine's own, not copies.
    found = [p.name for p in OVERRIDES.glob("*.html")] + [
        f"../{name}" for name in ("blog.html",) if (OVERRIDES / ".." / name).is_file()]
    assert sorted(found) == sorted(EDITS)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_override_is_upstream_plus_its_edit(name):
    expected = without_header((UPSTREAM / name).read_text(encoding="utf-8"))
    for old, new in EDITS[name]:
        assert old in expected, f"{name}: Material changed this partial; review the override"
        expected = expected.replace(old, new, 1)
    assert without_header((OVERRIDES / name).read_text(encoding="utf-8")) == expected
