"""Every page with a source file, stories included, has a Dutch link to propose a change to that
file in the harvest's own repository (derived from GITHUB_REPOSITORY or the clone's origin)."""

from macros.routes import page_url
from sitebuild import EDIT_REPOSITORY, ROUTES


def test_every_page_and_story_links_to_its_own_file(site, root, data):
    settings = ROUTES.settings
    docs = settings.docs
    files = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    pages = {page_url(rel): f"{settings.docs_dir}/{rel}" for rel in files
             if not settings.is_story(rel) and not any(part.startswith(("_", ".")) for part in rel.split("/"))}
    pages.update({ROUTES.story(post.slug): post.path for post in data.published_stories()})
    assert pages
    for url, source in pages.items():
        links = site.page(url).select("p.ko-edit a[rel=edit]")
        assert len(links) == 1, f"{url}: geen link 'Stel een wijziging voor'"
        assert links[0]["href"] == f"https://github.com/{EDIT_REPOSITORY}/edit/main/{source}", url
        assert links[0].get_text(" ", strip=True).startswith("Stel een wijziging voor")


def test_generated_listings_have_no_edit_link(site, data):
    lists = [ROUTES.blog_category(c.category) for c in data.circles if data.stories_for_circle(c.id)]
    assert lists
    for url in lists:
        path = site.path(url)
        assert "ko-edit" not in path.read_text(encoding="utf-8"), path


def test_no_repository_widget_asks_githubs_api(site):
    for path in site.dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "md-source" not in html and "api.github.com" not in html, path
