"""make fotos: a tool that rewrites files, so not a rule. It makes every photo in the stories folder
fit for the web (at most 1600 pixels wide, compressed, without hidden data such as the camera and
the GPS position), so that rules_stories.story_folder accepts it."""

from __future__ import annotations

from PIL import Image, UnidentifiedImageError

from .rules_stories import PHOTO_FORMATS, PHOTO_MAX_BYTES, PHOTO_MAX_WIDTH, size_label
from .settings import Settings

PHOTO_WIDTH = 1600


def shrink_photos(settings: Settings) -> list[str]:
    """Make every photo in the stories folder fit for the web: at most 1600 px wide, compressed, and
    without its hidden data (camera, GPS position). Returns a Dutch line per photo changed."""
    done: list[str] = []
    folder = settings.root / settings.stories_dir
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.suffix.lower() not in PHOTO_FORMATS or not path.is_file():
            continue
        before = path.stat().st_size
        try:
            with Image.open(path) as image:
                image.load()
                kind, width = image.format, image.width
                if before <= PHOTO_MAX_BYTES and width <= PHOTO_MAX_WIDTH:
                    continue
                if width > PHOTO_WIDTH:
                    image = image.resize((PHOTO_WIDTH, round(image.height * PHOTO_WIDTH / width)), Image.LANCZOS)
                if kind == "JPEG" or path.suffix.lower() in (".jpg", ".jpeg"):
                    image.convert("RGB").save(path, "JPEG", quality=82, optimize=True, progressive=True)
                else:
                    image.save(path, kind or "PNG", optimize=True)
        except (UnidentifiedImageError, OSError) as exc:
            done.append(f"{path.relative_to(settings.root).as_posix()}: niet gelukt ({exc.__class__.__name__})")
            continue
        done.append(f"{path.relative_to(settings.root).as_posix()}: {size_label(before)} → {size_label(path.stat().st_size)}")
    return done
