"""`cjm site`: a static, offline site of many maps: an index (a thumbnail of each map, its
personas, its worst moment, its evidence coverage, pains by stage across maps, a search box
over every text), the interactive page of each map at its path in the folder, and a page per
persona with its curve in every journey it appears in.

Maps are drawn in parallel (`batch.in_processes`) and incrementally: each map's page and
thumbnail are stamped in the render cache as `cjm render` stamps its outputs, and the map's
summary (`cjmdsl.site.summary`) is kept beside the stamps, so a map whose outputs are current
is not even compiled again. Only the index and the persona pages, which read every summary,
are written on every build (they cost a few milliseconds).

    from cjmdsl.site import SiteMap, build
    outcomes = build([SiteMap(job, "team/checkout")], Path("site"), settings, cache_folder)
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Iterator

from cjmdsl import batch
from cjmdsl.model import record

PAGE, THUMBNAIL = "html", "svg"
THUMBNAIL_OPTIONS = {"persona_cards": False}  # the map as it opens, without the cards
MANIFEST = ".cjm-site"  # the files the last build wrote, so the next one removes stale ones
SUMMARY_BYTES = 16_000_000  # a cached summary larger than this is not read


@record
class SiteMap:
    """One map of the site: its job (bytes, name, path) and `stem`, its path relative to the
    folder the site is built from, without `.cjm` (`team/checkout`)."""

    job: batch.Job
    stem: str

    @property
    def page(self) -> str:
        return self.stem + ".html"

    @property
    def thumbnail(self) -> str:
        return self.stem + ".svg"


@record
class Built:
    """A map's outcome, with its summary when it is on the site."""

    site_map: SiteMap
    outcome: batch.Outcome
    summary: dict | None = None


@record
class Caches:
    page: batch.Cache
    thumbnail: batch.Cache


def build(maps: list[SiteMap], out: Path, settings: batch.Settings,
          cache_folder: Path | None = None, processes: int = 1, theme: object | None = None,
          dark: object | None = None) -> Iterator[Built]:
    """Draw every map's page and thumbnail under `out` (those the cache knows are current are
    left alone), yielding each map's outcome, the unchanged first; then write the index and
    the persona pages, and remove what an earlier build wrote for maps that are gone.
    `theme` and `dark` are the resolved themes of the run, as `batch.make_cache` takes them."""
    from cjmdsl.site.pages import write_pages

    caches = None
    if cache_folder is not None:
        caches = Caches(batch.make_cache(replace(settings, format_name=PAGE), theme,
                                         cache_folder, dark),
                        batch.make_cache(replace(settings, format_name=THUMBNAIL,
                                                 options=THUMBNAIL_OPTIONS), theme,
                                         cache_folder, dark))
    todo, summaries = [], []
    for site_map in maps:
        found = _current_summary(site_map, out, caches)
        if found is not None:
            summaries.append(found)
            yield Built(site_map, batch.Outcome(batch.UNCHANGED), found)
        else:
            todo.append(site_map)
    work = partial(build_map, out=out, settings=settings, caches=caches)
    prepare = partial(batch.warm_up, (PAGE, THUMBNAIL), settings)
    for built in batch.in_processes(work, todo, processes, prepare):
        if built.summary is not None:
            summaries.append(built.summary)
        yield built
    summaries.sort(key=lambda summary: summary["page"])
    written = write_pages(summaries, out, settings.lang)
    _remove_stale(out, {path for summary in summaries
                        for path in (summary["page"], summary["thumbnail"])} | written)


def build_map(site_map: SiteMap, out: Path, settings: batch.Settings,
              caches: Caches | None) -> Built:
    """Compile one map, write its page and thumbnail, and summarise it; never raises for a
    bad map."""
    from cjmdsl.runtime import collector

    with collector.paused():  # see cjmdsl/runtime/collector.py
        return _build_map(site_map, out, settings, caches)


def _build_map(site_map: SiteMap, out: Path, settings: batch.Settings,
               caches: Caches | None) -> Built:
    from cjmdsl.runtime.files import write_atomically
    from cjmdsl.site.summary import summary
    from cjmdsl.words.escape import terminal_text

    job = site_map.job
    compiled = batch.compile_job(job, settings)
    if compiled.failed:
        return Built(site_map, compiled.failed)
    page = batch.draw(compiled, job, settings, PAGE, {})
    if page.ended:
        return Built(site_map, page.ended)
    picture = batch.draw(replace(compiled, said=page.said), job, settings, THUMBNAIL,
                         THUMBNAIL_OPTIONS)
    if picture.ended:
        return Built(site_map, picture.ended)
    try:
        for relative, data in ((site_map.page, page.data), (site_map.thumbnail, picture.data)):
            write_atomically(out / relative, data)
    except OSError as exc:
        written = terminal_text(f"cjm: error: cannot write under {out}: {exc.strerror or exc}")
        return Built(site_map, batch.Outcome(batch.FAILED,
                                             picture.said + (batch.Said.plainly(written),)))
    found = summary(compiled.journey, site_map.page, site_map.thumbnail,
                    site_map.stem + ".cjm")
    if caches is not None and not compiled.result.diagnostics and not picture.warned \
            and not page.warned:
        files = compiled.result.files
        caches.page.store(caches.page.key(job.data), page.data, files)
        caches.thumbnail.store(caches.thumbnail.key(job.data), picture.data, files)
        _store_summary(caches, site_map, found)
    return Built(site_map, batch.Outcome(batch.RENDERED, picture.said), found)


def _summary_file(caches: Caches, site_map: SiteMap) -> Path:
    """Where the summary of `site_map` is kept: by its page's cache key and its place on
    the site (the summary names its page)."""
    key = hashlib.sha256((caches.page.key(site_map.job.data) + "\0" + site_map.stem)
                         .encode()).hexdigest()
    return caches.page.folder / "site" / key[:2] / key


def _store_summary(caches: Caches, site_map: SiteMap, found: dict) -> None:
    from cjmdsl.runtime.files import write_atomically

    try:
        write_atomically(_summary_file(caches, site_map),
                         json.dumps(found, ensure_ascii=False, sort_keys=True))
    except OSError:
        pass  # a cache that cannot be written is only a slower next build


def _current_summary(site_map: SiteMap, out: Path, caches: Caches | None) -> dict | None:
    """The kept summary of a map whose page and thumbnail under `out` are current (they
    hold what the cache says this map renders to), else None."""
    from cjmdsl.runtime.cachedir import read_own_small_file
    from cjmdsl.site.summary import VERSION

    if caches is None:
        return None
    data = site_map.job.data
    if not (caches.page.is_current(caches.page.key(data), out / site_map.page)
            and caches.thumbnail.is_current(caches.thumbnail.key(data), out / site_map.thumbnail)):
        return None
    kept = read_own_small_file(_summary_file(caches, site_map), SUMMARY_BYTES)
    try:
        found = json.loads(kept) if kept else None
    except ValueError:
        return None
    if not isinstance(found, dict) or found.get("version") != VERSION \
            or found.get("page") != site_map.page:
        return None
    return found


def _remove_stale(out: Path, kept: set[str]) -> None:
    """Remove the files the last build wrote (its manifest lists them) that this one did not,
    such as the page of a map that was deleted; then list this build's. Only regular files
    under `out`, named by a relative path without `..`, are removed."""
    from cjmdsl.runtime.files import write_atomically

    manifest = out / MANIFEST
    try:
        before = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        before = []
    for name in before:
        path = PurePosixPath(name)
        if name in kept or path.is_absolute() or ".." in path.parts or not name:
            continue
        target = out / path
        if target.is_file() and not target.is_symlink():
            try:
                os.remove(target)
            except OSError:
                pass
    try:
        write_atomically(manifest, "".join(f"{name}\n" for name in sorted(kept)))
    except OSError:
        pass
