"""``python -m bench``: generate corpora, time the three commands, write the French report.

Sizes 100 and 1,000 by default; ``--grand`` adds 10,000 (long: several minutes per
build); ``--tailles`` replaces the list; ``--profil`` adds a cProfile of one in-process
1,000-entry build.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import macros.commands.cli  # noqa: F401 - translates argparse's own messages into French

from . import corpus, history, measure, pathological, preview, report, web_editor

try:
    from macros.content.cache import CACHE_DIR
except ImportError:  # an engine without a check cache: both check runs are cold
    CACHE_DIR = ".capi-cache"

# one step of a pass: "check" runs twice, with an empty cache, then with the cache it filled
STEPS = ("check", "build", "reference")
COMMANDS = ("check", "check-cache", "build", "build-cache", "reference", "preview")
PAGE_CACHE = Path(".cache")  # the conversion cache (macros/mkdocs_adapter/page_cache.py)
DEFAULT_SIZES = [100, 1_000]
PROFILE_SIZE = 1_000
DEFAULT_REPORT = corpus.REPO / "docs" / "performances.md"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Banc d'essai : génère des corpus de N fiches, mesure capi check, la "
        "construction complète et une construction Material de référence, puis écrit le "
        "tableau des résultats.",
    )
    parser.add_argument(
        "--tailles",
        type=int,
        nargs="+",
        metavar="N",
        help="nombres de fiches à mesurer (par défaut : 100 1000)",
    )
    parser.add_argument(
        "--grand", action="store_true", help="ajoute la mesure à 10 000 fiches (longue)"
    )
    parser.add_argument(
        "--sortie",
        type=Path,
        default=DEFAULT_REPORT,
        metavar="FICHIER",
        help="page Markdown à écrire (par défaut : docs/performances.md)",
    )
    parser.add_argument(
        "--profil", action="store_true", help="profile (cProfile) une construction de 1 000 fiches"
    )
    parser.add_argument(
        "--passages",
        type=int,
        default=2,
        metavar="R",
        help="mesures de chaque commande par taille (par défaut : 2)",
    )
    args = parser.parse_args(argv)
    sizes = list(args.tailles or DEFAULT_SIZES)
    if args.grand and report.LARGE not in sizes:
        sizes.append(report.LARGE)
    if any(n < 1 for n in sizes) or args.passages < 1:
        parser.error("les tailles et le nombre de passages doivent être positifs")
    args.sizes = sorted(set(sizes))
    return args


def command_line(key: str, work: Path) -> tuple[list[str], Path, Path | None]:
    """(command, working directory, output folder) of one measured command."""
    python = sys.executable
    if key in ("check", "check-cache"):
        return [python, "-m", "macros", "check"], work / "depot", None
    if key in ("build", "build-cache"):
        site = work / "site-capi"
        return (
            [python, "-m", "macros", "build", "--dossier", str(site)],
            work / "depot",
            site,
        )
    site = work / "site-reference"
    return (
        [python, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        work / "reference",
        site,
    )


def measure_size(
    entries: int, work: Path, passes: int
) -> tuple[list[measure.Result], str, history.HistoryTiming]:
    print(f"\n{report.number(entries)} fiches : génération du corpus…", flush=True)
    stats = corpus.generate(work / "depot", entries)
    corpus.baseline_tree(work / "depot", work / "reference")
    # the builds below read it, as they do in a real repository
    timing = history.measure(work / "depot", entries)
    print(
        f"  historique git : {report.number(timing.commits)} commits, lu en "
        f"{report.number(timing.seconds, 3)} s",
        flush=True,
    )
    summary = (
        f"- {report.number(entries)} fiches : {report.number(stats.items)} interventions "
        f"dont {report.number(stats.reports)} retours d'expérience, "
        f"{report.number(stats.territories)} territoires."
    )
    results = {key: measure.Result(entries, key) for key in COMMANDS}
    for index in range(passes):
        for step in STEPS if index % 2 == 0 else reversed(STEPS):
            if step == "check":
                shutil.rmtree(work / "depot" / CACHE_DIR, ignore_errors=True)
            if step == "build":  # a cold build, then the same with the conversion cache
                shutil.rmtree(work / "depot" / PAGE_CACHE, ignore_errors=True)
            for key in FOLLOWING.get(step, (step,)):
                _measure(key, work, results[key], f"passage {index + 1}/{passes}")
    _measure_preview(work / "depot", results["preview"])
    return list(results.values()), summary, timing


FOLLOWING = {"check": ("check", "check-cache"), "build": ("build", "build-cache")}


def _measure_preview(root: Path, result: measure.Result) -> None:
    """`mkdocs serve`, then one saved experience report: seconds until the site is rebuilt."""
    entry = min((root / "sessions").glob("*/*.md"), key=lambda p: (p.name == "index.md", p))
    lines = entry.read_text("utf-8").splitlines()
    title = next(line for line in lines if line.startswith("title:"))
    # a valid edit: inside the quotes of a quoted title (the page must stay without problems)
    quote = title[-1] if title[-1] in "'\"" else ""

    def revised(n: int) -> str:
        return title.removesuffix(quote) + f" (revu {n})" + quote

    try:
        seconds, cpu, log = preview.measure(root, entry, title, revised)
        code = 0
    except (RuntimeError, OSError) as exc:
        seconds, cpu, log, code = 0.0, 0.0, str(exc), 1
    result.runs.append(measure.Run(code, seconds, cpu, 0, log))
    state = "ok" if code == 0 else "ÉCHEC"
    print(
        f"  aperçu après un enregistrement : {report.number(seconds, 2)} s "
        f"({report.number(cpu, 2)} s de processeur) — {state}",
        flush=True,
    )


def _measure(key: str, work: Path, result: measure.Result, when: str) -> None:
    """Run one command, record it, keep the size of what it wrote, then delete it."""
    command, cwd, site = command_line(key, work)
    run = measure.run(command, cwd)
    result.runs.append(run)
    if site is not None and site.is_dir():
        if run.code == 0:
            result.output = measure.measure_site(site)
        shutil.rmtree(site)
    state = "ok" if run.code == 0 else f"ÉCHEC (code {run.code})"
    print(
        f"  {when} · {report.COMMAND_LABELS[key]} : {report.number(run.wall, 2)} s, "
        f"{report.number(run.peak_rss / 1e6)} Mo — {state}",
        flush=True,
    )
    if run.code != 0:
        print(
            "  dernières lignes affichées :\n    " + run.log.replace("\n", "\n    "),
            file=sys.stderr,
        )


def profile_build(root: Path) -> report.Profile:
    """cProfile of one full build, in this process (the engine's own build function)."""
    from macros.mkdocs_adapter.build import build_site

    print(f"\nProfil d'une construction de {report.number(PROFILE_SIZE)} fiches…", flush=True)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    previous = Path.cwd()
    profiler = cProfile.Profile()
    os.chdir(root)  # as `capi build` runs: from the repository root
    try:
        started = time.perf_counter()
        code = profiler.runcall(build_site, root, root.parent / "site-profil")
        seconds = time.perf_counter() - started
    finally:
        os.chdir(previous)
        shutil.rmtree(root.parent / "site-profil", ignore_errors=True)
    if code != 0:
        print("  la construction profilée a échoué", file=sys.stderr)
    stats = pstats.Stats(profiler)
    # {(file, line, name): (primitive calls, calls, own time, cumulative time, callers)}
    table = stats.stats  # type: ignore[attr-defined]
    rows = sorted(table.items(), key=lambda item: item[1][3], reverse=True)[:25]
    return report.Profile(
        PROFILE_SIZE,
        seconds,
        [
            (calls, own, cumulative, _function_name(key, root))
            for key, (_primitive, calls, own, cumulative, _callers) in rows
        ],
    )


def _function_name(key: tuple[str, int, str], corpus_root: Path) -> str:
    """(``…/site-packages/mkdocs/commands/build.py``, 312, ``build``) → short readable name."""
    filename, line, name = key
    if filename == "~":  # built-in functions
        return name
    for root in (corpus.REPO, corpus_root):  # the engine, the corpus' templates
        filename = filename.removeprefix(f"{root}/")
    filename = re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", filename)
    return f"{filename}:{line} {name}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results: list[measure.Result] = []
    corpus_lines: list[str] = []
    histories: list[history.HistoryTiming] = []
    profile = None
    with tempfile.TemporaryDirectory(prefix="capi-bench-") as tmp:
        for entries in args.sizes:
            found, summary, timing = measure_size(entries, Path(tmp) / f"n{entries}", args.passages)
            results += found
            corpus_lines.append(summary)
            histories.append(timing)
        if args.profil:
            root = Path(tmp) / f"n{PROFILE_SIZE}" / "depot"
            if not root.is_dir():
                corpus.generate(root, PROFILE_SIZE)
            try:
                profile = profile_build(root)
            except Exception as exc:  # noqa: BLE001 - the measurements above still get written
                print(f"Profil impossible : {exc!r}", file=sys.stderr)
    print("\nEntrées pathologiques…", flush=True)
    slow_inputs = pathological.measure()
    print("Configuration de l'édition en ligne…", flush=True)
    cms_sizes = web_editor.measure()
    text = report.render(
        results, args.passages, corpus_lines, profile, slow_inputs, cms_sizes, histories
    )
    report.write_atomic(args.sortie, text)
    print("\n" + "\n".join(report.table(results)))
    print("\n" + "\n".join(report.history_table(histories)))
    print("\n" + "\n".join(report.budget_table(report.budgets(results, histories))))
    print(f"\nRapport écrit dans {args.sortie}")
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"{len(failed)} mesure(s) en échec : voir le tableau.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
