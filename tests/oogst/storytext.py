"""Reading this harvest's stories from disk, for the text tests (test_text_stories_a.py and _b.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POSTS = ROOT / "docs" / "verhalen" / "posts"
# Where the original appeared is said by the story template (foot line), not in the story's text.
SOURCE_LINE_START = "Dit artikel verscheen"


def text(name: str) -> str:
    return (POSTS / f"{name}.md").read_text(encoding="utf-8")


def body(name: str) -> str:
    return text(name).split("\n---\n", 1)[1]


def after_more(name: str) -> str:
    return body(name).split("<!-- more -->", 1)[1]


def blockquotes(name: str) -> list[str]:
    """The text of each blockquote (attribution lines included), in order."""
    quotes: list[list[str]] = []
    previous = ""
    for line in body(name).splitlines():
        if line.startswith(">"):
            if not previous.startswith(">"):
                quotes.append([])
            quotes[-1].append(line.lstrip("> ").strip())
        previous = line
    return [" ".join(part for part in q if part) for q in quotes]
