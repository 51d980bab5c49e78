"""``capi``: the command line of the knowledge base, in French.

Subcommands are small functions; argparse (standard library) is enough and
its few English strings are translated below.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import time
from pathlib import Path

from ..content.corpus import known_identities, load_corpus, no_gc
from ..content.locate import CONTENT_DIRS, PRACTICE_DIR
from ..content.vocabulary import VOCABULARY_FILE, load_vocabularies
from ..graph import Graph
from ..messages import DOC_URL, say
from ..outputs import atomic, open_data
from ..outputs.json_schemas import schema_vocabularies, write_schemas
from ..problems import Problems
from .external_links import external_links, report
from .new import NewError, asker, create
from .refusal import refused
from .watch import watch

_FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (possibles : %(choices)s)"
    ),
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "une valeur est attendue",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
}
argparse._ = lambda text: _FRENCH.get(text, text)  # type: ignore[attr-defined]


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder holding mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def cmd_check(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    only = _selected(root, args.chemins)
    if isinstance(only, int):
        return only
    if not args.surveiller:
        return _check(root, only, args.format)
    sys.stdout.reconfigure(line_buffering=True)  # an editor reads the output as it comes

    def check_then_wait() -> None:
        _check(root, only, args.format, announce=True)
        print(say("check.waiting"))  # a terminal that shows nothing looks hung

    watch(root, check_then_wait)
    return 0


def _selected(root: Path, paths: list[str]) -> set[str] | None | int:
    """The repository paths to report on (None: all), or an exit code for a wrong path."""
    if not paths:
        return None
    only: set[str] = set()
    for raw in paths:
        path = Path(os.path.abspath(raw))  # a symlink is checked as itself (E034)
        if not path.exists() and not path.is_symlink():
            print(say("check.missing", path=raw), file=sys.stderr)
            return 2
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            print(say("check.outside", path=raw, root=root), file=sys.stderr)
            return 2
        if not (
            rel.split("/")[0] in CONTENT_DIRS
            or rel.startswith(PRACTICE_DIR)
            or rel == VOCABULARY_FILE
        ):
            print(
                say(
                    "check.not_content",
                    path=raw,
                    practices=PRACTICE_DIR,
                    vocabularies=VOCABULARY_FILE,
                ),
                file=sys.stderr,
            )
            return 2
        only.add(rel)  # a folder's own problems (its name) too
        if path.is_dir() and not path.is_symlink():
            only.update(
                p.relative_to(root).as_posix()
                for p in path.rglob("*")
                if p.is_file() or p.is_symlink()
            )
    return only


@no_gc()  # its objects live until it ends: collecting is wasted work, 1 s of CPU at 10,000
def _check(root: Path, only: set[str] | None, fmt: str, announce: bool = False) -> int:
    """One check: every problem on its line, then a summary; the exit code. ``announce``
    marks the start, for editors that read a continuous check (see .vscode/tasks.json)."""
    if announce:
        print(say("check.started"))
    started = time.perf_counter()
    corpus = load_corpus(root, only=only, use_cache=True)
    elapsed = time.perf_counter() - started
    for problem in corpus.problems:
        print(problem.github() if fmt == "github" else str(problem))
    errors = corpus.problems.errors
    count = (
        len(corpus.entries)
        if only is None
        else sum(1 for rel in only if not (root / rel).is_dir() or (root / rel).is_symlink())
    )
    if errors:
        files = len({p.path for p in errors})
        print(
            say(
                "check.failed",
                count=len(errors),
                s=_plural(len(errors)),
                files=files,
                fs=_plural(files),
                doc=_doc_address(root),
            ),
            file=sys.stderr,
        )
        return 1
    warnings = len(corpus.problems) - len(errors)
    if warnings:  # « aucun problème » after warnings would contradict them
        print(
            say(
                "check.warned",
                count=count,
                s=_plural(count),
                warnings=warnings,
                ws=_plural(warnings),
                seconds=elapsed,
            )
        )
        return 0
    print(say("check.ok", count=count, s=_plural(count), seconds=elapsed))
    return 0


def _doc_address(root: Path) -> str:
    """The error guide's address on the published site (mkdocs.yml's site_url), read
    without loading MkDocs; its path in the site when there is none."""
    try:
        found = re.search(
            r"^site_url:\s*['\"]?(https?://[^\s'\"]+)",
            (root / "mkdocs.yml").read_text("utf-8"),
            re.M,
        )
    except OSError:
        found = None
    return (found.group(1).rstrip("/") + "/" if found else "") + DOC_URL


def _plural(count: int) -> str:
    return "s" if count > 1 else ""


# build and publish import MkDocs (~0.1 s) when they run, so that check, new and the
# others start without it
def cmd_build(args: argparse.Namespace) -> int:
    from ..mkdocs_adapter.build import build_site

    root = find_root(Path.cwd())
    return build_site(root, Path(args.dossier) if args.dossier else root / "site")


def cmd_new(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    try:
        written = create(
            root,
            args.type,
            args.identifiant or args.slug,
            args.titre,
            args.seance,
            args.format,
            asker(),
            date=args.date,
            place=args.lieu,
        )
    except NewError as exc:
        print(say("new.refused", reason=exc), file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print(say("new.interrupted"), file=sys.stderr)
        return 2
    for path in written:
        print(say("new.created", path=path.as_posix()))
    if args.type in ("territoire", "pratique"):  # a new value for the editors' schemas
        for path in refresh_schemas(root):
            print(say("new.schema_updated", path=path.relative_to(root).as_posix()))
    print(say("new.next", paths=" ".join(p.as_posix() for p in written)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    corpus = load_corpus(root)
    if refused(corpus, say("export.invalid")):
        return 1
    target = Path(args.dossier) if args.dossier else root / "site" / open_data.DATA_DIR
    from ..mkdocs_adapter.build import site_identity  # MkDocs reads the licence from mkdocs.yml

    identity = site_identity(root)
    files = open_data.all_files(Graph(corpus), args.edition, identity["licence"], identity["title"])
    with atomic.replacing(target) as work:
        for name, content in files.items():
            (work / name).write_text(content, encoding="utf-8", newline="")
    print(say("export.done", count=len(open_data.FILES), target=target))
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    problems = Problems()
    load_vocabularies(root, problems)
    if problems.errors:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print(say("schemas.done", count=len(refresh_schemas(root))))
    return 0


def refresh_schemas(root: Path) -> list[Path]:
    """Write the editors' schemas: the model, the vocabularies and the corpus's identities
    (a new territory or practice is a value the schemas must accept)."""
    corpus = load_corpus(root)
    return write_schemas(root, schema_vocabularies(corpus.vocabularies, known_identities(corpus)))


def cmd_publish(args: argparse.Namespace) -> int:
    from .publish import publish

    root = find_root(Path.cwd())
    target = Path(args.dossier) if args.dossier else root / "dist"
    archives = None
    if args.edition:  # a named edition is archived; an unnamed publication is a draft
        archives = Path(args.archives) if args.archives else root / "editions"
    return publish(root, target, args.edition, args.sans_exemples, archives)


def cmd_new_cycle(args: argparse.Namespace) -> int:
    """Take the example content out of the repository itself (files and passages)."""
    from .clean_start import remove_examples

    root = find_root(Path.cwd())
    corpus = load_corpus(root)
    if refused(corpus, say("new_cycle.invalid", count=len(corpus.problems.errors))):
        return 1
    deleted, edited = remove_examples(root, {e.path for e in corpus.entries if e.is_example})
    for path in deleted:
        print(say("new_cycle.deleted", path=path))
    for path in edited:
        print(say("new_cycle.edited", path=path))
    refresh_schemas(root)  # the territories removed are no longer values the editors offer
    print(say("new_cycle.done", deleted=len(deleted), edited=len(edited)))
    return 0


def cmd_links(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    links = external_links(root)
    text, broken = report(links, args.verifier)
    if text:
        print(text)
    urls = len({link.url for link in links})
    if not args.verifier:
        print(say("links.listed", links=len(links), urls=urls))
        return 0
    print(say("links.checked", urls=urls, broken=broken))
    return 1 if broken else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="capi", description="Outils de la base de connaissances du cycle de qualification."
    )
    sub = parser.add_subparsers(dest="commande", metavar="COMMANDE")
    sub.required = True
    check = sub.add_parser(
        "check",
        help="vérifie les fiches et affiche chaque problème",
        description="Vérifie les fiches ; code de sortie 1 s'il y a des problèmes.",
    )
    check.add_argument(
        "chemins",
        nargs="*",
        metavar="CHEMIN",
        help="fichiers ou dossiers à vérifier (par défaut : tout)",
    )
    check.add_argument(
        "--format",
        choices=("texte", "github"),
        default="texte",
        help="« github » affiche des annotations GitHub Actions",
    )
    check.add_argument(
        "--surveiller",
        action="store_true",
        help="vérifie à nouveau à chaque modification d'un fichier (Ctrl+C pour arrêter)",
    )
    check.set_defaults(func=cmd_check)
    build = sub.add_parser(
        "build",
        help="construit le site (mode strict) dans site/",
        description="Construit le site ; le dossier précédent n'est remplacé qu'en cas de succès.",
    )
    build.add_argument("--dossier", help="dossier de sortie (par défaut : site/)")
    build.set_defaults(func=cmd_build)
    new = sub.add_parser(
        "new",
        help="crée une fiche à partir d'un modèle commenté",
        description="Crée une fiche valide au bon endroit, sans jamais écraser "
        "un fichier existant. Exemples : capi new retour --seance 02 --titre "
        '"Un fablab au pied des tours" ; capi new territoire val-de-lys ; '
        "capi new pratique fablab ; capi new seance 06-bilan --titre Bilan --date 2027-01-21 ; "
        "capi new intervention --seance 01 "
        '--format visite --titre "Visite d\'un tiers-lieu".',
    )
    new.add_argument(
        "type",
        choices=("retour", "intervention", "territoire", "pratique", "seance"),
        help="retour, intervention, territoire, pratique ou seance",
    )
    new.add_argument(
        "identifiant", nargs="?", help="identifiant (territoire, pratique) ou dossier (seance)"
    )
    new.add_argument("--date", help="date de la séance, AAAA-MM-JJ (seance)")
    new.add_argument("--lieu", help="lieu de la séance (seance)")
    new.add_argument("--titre", help="titre de la fiche")
    new.add_argument("--seance", help="numéro de la séance (retour, intervention)")
    new.add_argument("--format", help="format de l'intervention (apport-expertise, visite…)")
    new.add_argument("--slug", help="identifiant du fichier (par défaut : tiré du titre)")
    new.set_defaults(func=cmd_new)
    export = sub.add_parser(
        "export",
        help="écrit les données ouvertes (JSON, CSV)",
        description="Écrit les données ouvertes dans site/donnees/.",
    )
    export.add_argument("--dossier", help="dossier de sortie (par défaut : site/donnees/)")
    export.add_argument("--edition", help="édition du cycle (ex. 2026)")
    export.set_defaults(func=cmd_export)
    publish = sub.add_parser(
        "publish",
        help="publie site, livret PDF, version hors ligne et données dans dist/",
        description="Produit dans dist/ : le site, restitution.pdf, "
        "site-hors-ligne.zip, les données ouvertes et SHA256SUMS. dist/ "
        "n'est remplacé que si tout a réussi.",
    )
    publish.add_argument("--edition", help="édition du cycle (par défaut : l'année en cours)")
    publish.add_argument(
        "--sans-exemples", action="store_true", help="exclut les fiches marquées « exemple: true »"
    )
    publish.add_argument("--dossier", help="dossier de sortie (par défaut : dist/)")
    publish.add_argument(
        "--archives",
        help="archive des éditions, où --edition ajoute la sienne (par défaut : editions/)",
    )
    publish.set_defaults(func=cmd_publish)
    new_cycle = sub.add_parser(
        "nouveau-cycle",
        help="retire du dépôt les fiches et passages d'exemple (départ d'un nouveau cycle)",
        description="Supprime les fiches marquées « exemple: true », les territoires qui "
        "n'en avaient pas d'autres, et dans les autres fichiers les blocs « example » et les "
        "lignes d'en-tête terminées par « # exemple ». Relisez ensuite avec git diff.",
    )
    new_cycle.set_defaults(func=cmd_new_cycle)
    links = sub.add_parser(
        "liens",
        help="liste les liens externes des fiches (et les teste)",
        description="Liste les liens vers d'autres sites écrits dans les "
        "fiches. Avec --verifier (réseau nécessaire), teste chaque adresse ; "
        "code de sortie 1 si un lien est cassé.",
    )
    links.add_argument(
        "--verifier", action="store_true", help="teste chaque adresse (réseau nécessaire)"
    )
    links.set_defaults(func=cmd_links)
    schemas = sub.add_parser(
        "schemas",
        help="régénère les schémas JSON pour les éditeurs",
        description="Écrit schemas/<type>.schema.json à partir du modèle et de vocabulaires.yml.",
    )
    schemas.set_defaults(func=cmd_schemas)
    return parser


def _interrupted(signum, frame) -> None:
    raise KeyboardInterrupt  # a stopped CI job cleans its temporary folders as Ctrl-C does


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupted)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print(say("interrupted"), file=sys.stderr)
        return 130
