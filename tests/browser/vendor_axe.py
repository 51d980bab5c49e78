"""Replace the vendored axe-core (tests/browser/vendor/) with a release from npm: ``make axe``.

The tests never download anything: this is the one deliberate step that does, run by a
developer, whose result (three files and the README naming version and checksums) is then
committed. ``npm pack`` checks the package against the registry's integrity hash itself.

Usage: ``python -m tests.browser.vendor_axe [VERSION]`` (default: the latest release).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).parent / "vendor"
# the files kept from the package: the script and its licences
KEPT = ("axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt")

README = """\
# Bibliothèques tierces des tests navigateur

- `axe.min.js` : axe-core **{version}** (Deque Systems, licence MPL-2.0, voir `LICENSE` et
  `LICENSE-3RD-PARTY.txt`), seul fichier gardé du paquet npm `axe-core@{version}`
  (intégrité du paquet vérifiée par `npm pack` : `{integrity}`).
  SHA-256 de `axe.min.js` : `{sha256}`.

Rien n'est téléchargé pendant les tests. Pour passer à la dernière version publiée :
`make axe` (ou `make axe AXE=4.14.1` pour une version précise), qui remplace ces fichiers et
ce README ; lancer ensuite `make test` et valider le tout dans un même commit.
"""


class UpdateError(Exception):
    """A step that failed, said in French for the developer who ran ``make axe``."""


def _npm(*args: str, cwd: Path | None = None) -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise UpdateError("npm introuvable : installez Node.js et npm (paquet Debian « npm »).")
    result = subprocess.run([npm, *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise UpdateError(f"npm {' '.join(args)} a échoué :\n{result.stderr.strip()}")
    return result.stdout


def latest_version() -> str:
    return _npm("view", "axe-core", "version").strip()


def readme(version: str, integrity: str, script: bytes) -> str:
    return README.format(
        version=version, integrity=integrity, sha256=hashlib.sha256(script).hexdigest()
    )


def banner_version(script: bytes) -> str:
    """The version axe-core writes in its first line (``/*! axe v4.14.1``)."""
    head = script[:40].decode("utf-8", "replace")
    return head.removeprefix("/*! axe v").split()[0] if head.startswith("/*! axe v") else ""


def vendor(version: str, dest: Path = VENDOR) -> str:
    """Fetch ``axe-core@version`` and write its kept files and the README into ``dest``."""
    with tempfile.TemporaryDirectory() as tmp:
        packed = json.loads(_npm("pack", f"axe-core@{version}", "--json", cwd=Path(tmp)))[0]
        files: dict[str, bytes] = {}
        with tarfile.open(Path(tmp) / packed["filename"]) as archive:
            for name in KEPT:
                member = archive.extractfile(f"package/{name}")
                if member is None:
                    raise UpdateError(f"{name} absent du paquet axe-core@{packed['version']}")
                files[name] = member.read()
    if banner_version(files["axe.min.js"]) != packed["version"]:
        raise UpdateError(f"axe.min.js ne se dit pas en version {packed['version']}")
    for name, content in files.items():
        (dest / name).write_bytes(content)
    text = readme(packed["version"], packed["integrity"], files["axe.min.js"])
    (dest / "README.md").write_text(text, encoding="utf-8")
    return packed["version"]


def main(argv: list[str]) -> int:
    try:
        version = vendor(argv[0] if argv else latest_version())
    except UpdateError as error:
        print(f"make axe : {error}", file=sys.stderr)
        return 1
    print(f"axe-core {version} installé dans {VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
