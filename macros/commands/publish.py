"""``capi publish``: the site, the PDF booklet, the offline bundle and the open data in dist/.

Everything is produced in a temporary folder and moved to ``dist/`` only when
all of it succeeded; validation errors stop before anything is produced.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from ..content.corpus import load_corpus
from ..content.history import read_history
from ..graph import Graph
from ..messages import say
from ..mkdocs_adapter.build import build_site, site_identity, site_url
from ..outputs import atomic, editions, open_data
from ..outputs.booklet import write_booklet
from .clean_start import remove_examples
from .refusal import refused

COPIED = ("docs", "sessions", "territories", "mkdocs.yml", "vocabulaires.yml", "schemas")


def _without_examples(root: Path, work: Path) -> Path:
    """A copy of the sources without the files marked ``exemple: true``."""
    corpus = load_corpus(root)
    examples = {e.path for e in corpus.entries if e.is_example}
    copy = work / "sources"
    for name in COPIED:
        source = root / name
        if source.is_dir():  # links stay links: the copy is checked like the original (E034)
            shutil.copytree(source, copy / name, symlinks=True)
        elif source.is_file():
            copy.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    remove_examples(copy, examples)
    return copy


def _zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, Path("site-hors-ligne") / path.relative_to(folder))


def _checksums(folder: Path) -> str:
    lines = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(folder).as_posix()}")
    return "\n".join(lines) + "\n"


def _archived(archives: Path | None, edition: str) -> list[dict] | None:
    """The earlier editions of the archive (None: an error was printed)."""
    if archives is None:
        return []
    if not editions.valid_name(edition):
        print(say("publish.edition_name", edition=edition), file=sys.stderr)
        return None
    try:
        found = editions.read_archive(archives)
    except editions.ArchiveError as exc:
        print(say("publish.archive_unreadable", problem=exc), file=sys.stderr)
        return None
    # the comparison reads oldest first; the edition published now is served at the root
    return sorted((e for e in found if e["edition"] != edition), key=_published_order)


def _published_order(summary: dict) -> tuple[str, str]:
    return (str(summary.get("date", "")), summary["edition"])


def publish(
    root: Path,
    target: Path,
    edition: str | None,
    without_examples: bool,
    archives: Path | None = None,
) -> int:
    """``archives``: the folder of the editions archive, when ``--edition`` names one."""
    today = dt.date.today()
    edition = edition or str(today.year)
    earlier = _archived(archives, edition)
    if earlier is None:
        return 1
    with tempfile.TemporaryDirectory(prefix="capi-publish-") as scratch:
        sources = _without_examples(root, Path(scratch)) if without_examples else root
        corpus = load_corpus(sources)
        if refused(corpus, say("publish.invalid", count=len(corpus.problems.errors))):
            return 1
        examples = [e for e in corpus.entries if e.is_example]
        if examples:
            print(
                say("publish.examples", count=len(examples)),
                file=sys.stderr,
            )
        # dates and contributors come from the repository's history, also for a copy
        history = read_history(sources, [e.path for e in corpus.entries], git_root=root)
        graph = Graph(corpus, history)
        stamp = {"edition": edition, "date": today.strftime("%d/%m/%Y")}
        identity = site_identity(sources)
        current = editions.summary(graph, edition, today, identity["title"])

        def stamped(config) -> None:
            config.plugins["capi"].config.edition = edition
            config.plugins["capi"].config.git_root = str(root)
            config.extra["edition"] = stamp

        def online(config) -> None:
            stamped(config)
            if archives is not None:  # the editions page, and the header's selector
                config.plugins["capi"].config.editions = [*earlier, current]
                config.extra_javascript += [editions.SELECTOR_DATA, "assets/capi-editions.js"]

        def offline(config) -> None:
            stamped(config)
            config.plugins["capi"].config.cms = False  # no web editing without network
            config.use_directory_urls = False  # pages as .html files: links work from file://

        try:
            with atomic.replacing(target) as work:
                print(say("publish.site"))
                if build_site(sources, work / "site", online, quiet=True) != 0:
                    raise RuntimeError(say("publish.step_site"))
                print(say("publish.offline"))
                offline_dir = Path(scratch) / "hors-ligne"
                if build_site(sources, offline_dir, offline, quiet=True) != 0:
                    raise RuntimeError(say("publish.step_offline"))
                (offline_dir / "404.html").unlink(missing_ok=True)  # no server, no 404
                _zip(offline_dir, work / "site-hors-ligne.zip")
                print(say("publish.booklet"))
                write_booklet(
                    work / "site",
                    graph,
                    work / "restitution.pdf",
                    identity["title"],
                    edition,
                    identity["organiser"],
                    stamp["date"],
                    identity["licence"],
                    identity["subtitle"],
                )
                data = work / open_data.DATA_DIR
                data.mkdir()
                files = open_data.all_files(graph, edition, identity["licence"], identity["title"])
                for name, content in files.items():
                    (data / name).write_text(content, encoding="utf-8", newline="")
                if archives is not None:
                    _with_archive(archives, work, current, earlier, site_url(sources))
                (work / "SHA256SUMS").write_text(_checksums(work), encoding="utf-8")
        except RuntimeError as exc:
            print(say("publish.failed", step=exc, folder=target.name), file=sys.stderr)
            return 1
    print(say("publish.done", edition=edition, target=target))
    if archives is not None:
        print(say("publish.archived", edition=edition, archives=archives, count=len(earlier)))
    return 0


def _with_archive(
    archives: Path, work: Path, current: dict, earlier: list[dict], address: str
) -> None:
    """Archive the edition just built, then serve the earlier ones beside it."""
    print(say("publish.archive"))
    editions.store(archives, work, current, address)
    editions.serve(archives, work / "site", earlier)
    editions.write_selectors(work / "site", current["edition"], [e["edition"] for e in earlier])
