"""When each content file was published and updated, and who contributed to it, from git.

One ``git log`` for the whole repository (``--name-only``) gives, per content
file: the date of the commit that added it (published), of the last commit that changed it
(updated) and the names of the commits' authors, in the order they first contributed. A
plugin that runs git once per page (as mkdocs-git-revision-date-localized does) would start
10,000 processes for 10,000 entries; this reads the same facts in one pass.

- Dates are the **committer** dates: when a change entered the repository (a merged pull
  request), not when its author first typed it. They are shown in Paris time.
- Names are the authors' names as ``.mailmap`` gives them (``%aN``): a contributor can be
  shown under another name by adding a line to ``.mailmap``. E-mail addresses are never
  read. Bots (``…[bot]``) are left out.
- A renamed or moved file counts as a new file from its new path (``--no-renames``): its
  address on the site changed too.
- "Now", for the « Nouveau » badge, is the date of the last commit (``HEAD``), never the
  clock of the machine that builds: the same commit always gives the same site.

Without history (no git, not a repository, a copy of the files, git too slow), every file
gets its modification time as its update date, no publication date and no names, and the
build says so in ONE French warning. A shallow clone (CI's default ``fetch-depth: 1``) only
knows its last commits: files changed in them get their real dates, the others are treated
as if there were no history, with one warning asking for ``fetch-depth: 0``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..messages import say
from .locate import CONTENT_DIRS, PRACTICE_DIR

HISTORY_DIRS = (*CONTENT_DIRS, PRACTICE_DIR)
_PREFIXES = tuple(f"{folder}/" for folder in HISTORY_DIRS)
TIMEZONE = "Europe/Paris"
DEFAULT_NEW_DAYS = 30
# the one git log may take this long (a 10,000-file history reads in well under a second)
LOG_TIMEOUT = 120
QUICK_TIMEOUT = 20
NAME_LIMIT = 80  # characters of a name shown; a longer one is cut
# field and record separators of the log format: git never puts them in a date or a hash
_RECORD, _FIELD = "\x1e", "\x1f"
LOG_FORMAT = f"{_RECORD}%H{_FIELD}%cI{_FIELD}%aN"
# options that keep a user's git configuration from changing what the log prints
_GIT = (
    "git",
    "-c",
    "log.showSignature=false",
    "-c",
    "core.quotePath=false",
    "-c",
    "i18n.logOutputEncoding=UTF-8",
    "--no-pager",
)


@dataclass(frozen=True)
class FileHistory:
    """What the history says about one file."""

    published: dt.datetime | None  # the commit that added it; None when unknown
    updated: dt.datetime  # the last commit that changed it, or the file's modification time
    authors: tuple[str, ...] = ()  # names, in the order of their first contribution
    from_git: bool = False


@dataclass
class History:
    """Every content file's history, and the date the « Nouveau » badge counts from."""

    files: dict[str, FileHistory] = field(default_factory=dict)
    now: dt.datetime | None = None  # date of the last commit (or newest file without git)
    warning: str | None = None  # one French sentence when history is missing or incomplete
    info: str | None = None  # one French sentence about files not committed yet
    from_git: bool = False  # the repository's history could be read
    new_days: int = DEFAULT_NEW_DAYS  # how long an added file is « Nouveau »

    def get(self, path: str) -> FileHistory | None:
        return self.files.get(path)

    def is_new(self, path: str) -> bool:
        """Added less than ``new_days`` days before "now" (the last commit)."""
        found = self.files.get(path)
        if found is None or found.published is None or self.now is None or self.new_days <= 0:
            return False
        return self.now - found.published < dt.timedelta(days=self.new_days)


def local_zone() -> dt.tzinfo:
    try:
        return ZoneInfo(TIMEZONE)
    except ZoneInfoNotFoundError:  # no time zone database: dates stay in UTC
        return dt.UTC


class GitUnavailable(Exception):
    """git cannot tell the history; the message says why, in French."""


def read_history(root: Path, paths: Iterable[str], git_root: Path | None = None) -> History:
    """The history of ``paths`` (repository-relative, forward slashes) under ``root``.

    ``git_root`` is where the history lives when ``root`` is a copy of the same files
    (``capi publish --sans-exemples`` builds from a copy without ``.git``).
    """
    paths = list(paths)
    zone = local_zone()
    where = git_root or root
    try:
        shallow = _shallow_commits(where)
        head = _git(where, ["log", "-1", "--format=%cI"], QUICK_TIMEOUT).strip()
        now = _date(head, zone) if head else None
        log = _git(where, _log_arguments(), LOG_TIMEOUT)
    except GitUnavailable as reason:
        return _without_git(root, paths, zone, say("history.unavailable", reason=reason))
    found = parse_log(log, zone, shallow)
    history = History(now=now, from_git=True)
    missing = []
    for path in paths:
        entry = found.get(path)
        if entry is None:
            missing.append(path)
            history.files[path] = FileHistory(None, _mtime(root / path, zone))
        else:
            history.files[path] = entry
    if paths and len(missing) == len(paths):
        why = say("history.shallow") if shallow else say("history.none")
        return _without_git(root, paths, zone, why)
    if shallow and missing:
        history.warning = say(
            "history.partly_shallow", shallow=say("history.shallow"), count=len(missing)
        )
    elif missing:
        history.info = say("history.uncommitted", count=len(missing))
    if history.now is None:
        history.now = max((f.updated for f in history.files.values()), default=None)
    return history


def after_saving(history: History, root: Path, paths: Iterable[str]) -> History:
    """The history once ``paths`` were saved (the preview): a file dated by its
    modification time (no git, or not committed yet) takes its new one; git's dates only
    move with a commit."""
    files = dict(history.files)
    zone = local_zone()
    for path in paths:
        found = files.get(path)
        if found is not None and not found.from_git:
            files[path] = FileHistory(None, _mtime(root / path, zone))
    now = history.now
    if not history.from_git:
        now = max((f.updated for f in files.values()), default=None)
    return replace(history, files=files, now=now)


def _log_arguments() -> list[str]:
    return [
        "log",
        "-z",
        f"--format={LOG_FORMAT}",
        "--name-only",
        "--no-renames",
        "--no-show-signature",
        "--relative",  # paths relative to the project, also when it is a sub-folder
        # no pathspec: limiting the log to the content folders makes git twice as slow
        # (1.0 s instead of 0.5 s at 10,000 files); other paths are skipped while parsing
    ]


def parse_log(output: str, zone: dt.tzinfo, shallow: frozenset[str] = frozenset()) -> dict:
    """``git log -z --name-only`` output → {path: FileHistory}.

    Commits come newest first; a shallow clone's oldest commits (``shallow``) list every
    file as if they added it, so they count for nothing.
    """
    updated: dict[str, dt.datetime] = {}
    published: dict[str, dt.datetime] = {}
    # path → {name: date of the first contribution seen}
    authors: dict[str, dict[str, dt.datetime]] = {}
    commit: tuple[dt.datetime, str] | None = None
    for token in output.split("\0"):
        if token.startswith(_RECORD):
            commit = _commit(token[1:], zone, shallow)
            continue
        path = token.lstrip("\n")
        if commit is None or not path.startswith(_PREFIXES):
            continue
        when, name = commit
        if path not in updated or when > updated[path]:
            updated[path] = when
        if path not in published or when < published[path]:
            published[path] = when
        if name:
            names = authors.setdefault(path, {})
            if name not in names or when < names[name]:
                names[name] = when
    return {
        path: FileHistory(
            published[path],
            updated[path],
            tuple(sorted(authors.get(path, {}), key=lambda n: (authors[path][n], n))),
            True,
        )
        for path in updated
    }


def _commit(
    header: str, zone: dt.tzinfo, shallow: frozenset[str]
) -> tuple[dt.datetime, str] | None:
    """(date, shown name) of one log record, or None for a record to skip."""
    parts = header.split(_FIELD, 2)
    if len(parts) != 3 or parts[0] in shallow:
        return None
    try:
        when = _date(parts[1], zone)
    except ValueError:
        return None
    return when, clean_name(parts[2])


def clean_name(raw: str) -> str:
    """A commit author's name as shown: one line, no control character, bounded, no bot.

    It is still text written by anyone who can commit: pages escape it like any other
    contributed value."""
    name = " ".join("".join(ch if ch.isprintable() else " " for ch in raw).split())
    if name.lower().endswith("[bot]"):
        return ""
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"


def _date(text: str, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromisoformat(text.strip()).astimezone(zone)


def _mtime(path: Path, zone: dt.tzinfo) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, zone)
    except OSError:
        return dt.datetime.fromtimestamp(0, zone)


def _without_git(root: Path, paths: list[str], zone: dt.tzinfo, why: str) -> History:
    files = {path: FileHistory(None, _mtime(root / path, zone)) for path in paths}
    now = max((f.updated for f in files.values()), default=None)
    return History(
        files,
        now,
        warning=say("history.file_dates", why=why),
    )


def _shallow_commits(where: Path) -> frozenset[str]:
    """The commits a shallow clone stops at (none in a full clone)."""
    out = _git(where, ["rev-parse", "--is-shallow-repository", "--git-path", "shallow"])
    lines = out.splitlines()
    if not lines or lines[0].strip() != "true" or len(lines) < 2:
        return frozenset()
    try:
        text = (where / lines[1].strip()).read_text(encoding="ascii", errors="replace")
    except OSError:
        return frozenset()
    return frozenset(text.split())


def _git(where: Path, arguments: list[str], timeout: float = QUICK_TIMEOUT) -> str:
    """Run git in ``where`` (no shell, bounded time); its output, or GitUnavailable."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run(
            [*_GIT, *arguments],
            cwd=where,
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitUnavailable("git n'est pas installé") from None
    except subprocess.TimeoutExpired:
        raise GitUnavailable(f"git n'a pas répondu en {timeout:g} s") from None
    except OSError as exc:
        raise GitUnavailable(f"git ne peut pas être lancé : {exc.strerror}") from None
    if done.returncode != 0:
        raise GitUnavailable(_reason(done.stderr.decode("utf-8", errors="replace")))
    return done.stdout.decode("utf-8", errors="replace")


def _reason(stderr: str) -> str:
    text = stderr.lower()
    if "not a git repository" in text:
        return "le dossier n'est pas un dépôt git"
    if "does not have any commits" in text or "bad default revision" in text:
        return "le dépôt n'a encore aucun commit"
    if "dubious ownership" in text:
        return "git refuse ce dossier, qui appartient à un autre utilisateur (safe.directory)"
    first = next((line for line in stderr.splitlines() if line.strip()), "erreur inconnue")
    return "git : " + "".join(ch for ch in first.strip() if ch.isprintable())[:160]
