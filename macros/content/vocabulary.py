"""Vocabularies (themes, actor types, formats, statuses…): data the organisers edit.

They live in one YAML file at the root of the repository (``vocabulaires.yml``),
each vocabulary a mapping ``slug: label``. The standard's closed lists for
places of digital mediation are added from code (they are not ours to edit).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Problems
from . import places
from .fields import SLUG_RE
from .frontmatter import parse_yaml
from .locate import DELIVERABLE_FILES

VOCABULARY_FILE = "vocabulaires.yml"
HOST_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", re.I)

# vocabularies the engine needs; their slugs are used in code, so they must exist
REQUIRED_VOCABULARIES = (
    "mois",
    "thematiques",
    "types_acteurs",
    "formats",
    "statuts_action",
    "publics",
    "avancement",
    "echelles",
    "natures_collectivite",
    "livrables",
)
# the deliverables a cycle asks of each territory: a choice among the kinds that have a model
DELIVERABLES_KEY = "livrables"

REQUIRED_WORDS = {
    "formats": (
        "apport-expertise",
        "cadrage-reglementaire",
        "retour-experience",
        "visite",
        "atelier",
    ),
    "statuts_action": ("prevue", "en-cours", "realisee", "abandonnee"),
    "avancement": ("a-completer", "en-cours", "finalise"),
}

Vocabularies = dict[str, dict[str, str]]


def ref_vocabulary(kind: str) -> str:
    """Name under which the identities of ``kind`` (territories on disk…) join the
    vocabularies, so that editors offer exactly the values ``capi check`` accepts."""
    return f"@{kind}"


# images come from the repository itself; organisers may allow hosts in vocabulaires.yml
# (`hotes_images`), knowing that every request to a third party leaks the reader's address
IMAGE_HOSTS_KEY = "hotes_images"

# the catalogue of standard indicators: `code: {libelle, unite, echelle, definition, source}`;
# its labels join the vocabularies under its own name (editors offer the codes), its units
# and scales under derived names, so that a diagnostic's check can compare them
INDICATOR_KEY = "indicateurs"
INDICATOR_ATTRIBUTES = ("unite", "echelle", "definition", "source")


def indicator_vocabulary(attribute: str) -> str:
    """Name of the vocabulary holding one attribute of the catalogue's indicators."""
    return f"{INDICATOR_KEY}:{attribute}"


def resolve_indicator(indicator: dict, vocabularies: Vocabularies) -> dict:
    """A diagnostic's indicator with the catalogue's label, unit and scale filled in."""
    code = indicator.get("code")
    if not code or code not in vocabularies.get(INDICATOR_KEY, {}):
        return indicator
    resolved = dict(indicator)
    resolved["libelle"] = vocabularies[INDICATOR_KEY][code]
    for attribute in ("unite", "echelle"):
        catalogue = vocabularies.get(indicator_vocabulary(attribute), {}).get(code)
        if catalogue is not None:
            resolved[attribute] = catalogue
    return resolved


def _load_indicators(parsed, words: object, path: str, problems: Problems) -> Vocabularies:
    out: Vocabularies = {INDICATOR_KEY: {}}
    out.update({indicator_vocabulary(a): {} for a in INDICATOR_ATTRIBUTES})
    if not isinstance(words, dict):
        problems.add(
            path,
            parsed.line(INDICATOR_KEY),
            "E012",
            key=INDICATOR_KEY,
            expected="une liste « code: {libelle, unite, echelle, definition, source} »",
            found="autre chose",
        )
        return out
    for code, entry in words.items():
        line = parsed.line(INDICATOR_KEY, code)
        if not SLUG_RE.match(str(code)):
            problems.add(
                path,
                line,
                "E016",
                key=INDICATOR_KEY,
                value=code,
                expected="minuscules sans accents, chiffres et tirets",
            )
            continue
        if not isinstance(entry, dict) or not entry.get("libelle"):
            problems.add(path, line, "E011", key=f"{INDICATOR_KEY}.{code}.libelle", hint="")
            continue
        out[INDICATOR_KEY][str(code)] = str(entry["libelle"])
        for attribute in INDICATOR_ATTRIBUTES:
            if entry.get(attribute) not in (None, ""):
                out[indicator_vocabulary(attribute)][str(code)] = str(entry[attribute])
    return out


def _check_deliverables(parsed, vocabularies: Vocabularies, path: str, problems: Problems) -> None:
    """A deliverable is one of the kinds the engine has a model for; others are dropped."""
    known = tuple(DELIVERABLE_FILES.values())
    listed = vocabularies.get(DELIVERABLES_KEY, {})
    for kind in [k for k in listed if k not in known]:
        problems.add(
            path,
            parsed.line(DELIVERABLES_KEY, kind),
            "E016",
            key=DELIVERABLES_KEY,
            value=kind,
            expected="un de : " + ", ".join(known),
        )
        del listed[kind]


def load_vocabularies(root: Path, problems: Problems) -> Vocabularies:
    """Read ``vocabulaires.yml``; every problem is reported with its line."""
    path = VOCABULARY_FILE
    try:
        raw = (root / path).read_bytes()
    except OSError:
        problems.add(path, 1, "E042")
        return {}
    parsed, found = parse_yaml(raw, path)
    problems.extend(found)
    if parsed is None:
        return {}
    vocabularies: Vocabularies = {}
    for name, words in parsed.meta.items():
        line = parsed.line(name)
        if name == IMAGE_HOSTS_KEY:  # a list of host names, not a vocabulary of slugs
            if not isinstance(words, list) or not all(HOST_RE.match(str(w)) for w in words):
                problems.add(
                    path,
                    line,
                    "E012",
                    key=name,
                    found="autre chose",
                    expected="une liste de noms d'hôtes (ex. images.exemple.fr)",
                )
            else:
                vocabularies[name] = {str(w).lower(): str(w).lower() for w in words}
            continue
        if name == INDICATOR_KEY:
            vocabularies.update(_load_indicators(parsed, words, path, problems))
            continue
        if not isinstance(words, dict):
            problems.add(
                path,
                line,
                "E012",
                key=name,
                expected="une liste « slug: libellé »",
                found="autre chose",
            )
            continue
        clean: dict[str, str] = {}
        for slug, label in words.items():
            if not SLUG_RE.match(str(slug)):
                problems.add(
                    path,
                    parsed.line(name, slug),
                    "E016",
                    key=name,
                    value=slug,
                    expected="minuscules sans accents, chiffres et tirets",
                )
                continue
            clean[str(slug)] = str(label)
        vocabularies[name] = clean
    _check_deliverables(parsed, vocabularies, path, problems)
    for name in REQUIRED_VOCABULARIES:
        if name not in vocabularies:
            problems.add(path, 1, "E011", key=name, hint=" (vocabulaire utilisé par le site)")
    for name, words in REQUIRED_WORDS.items():
        for word in words:
            if name in vocabularies and word not in vocabularies[name]:
                problems.add(
                    path,
                    parsed.line(name),
                    "E011",
                    key=f"{name}.{word}",
                    hint=" (valeur utilisée par le site)",
                )
    vocabularies.update(places.vocabularies())
    return vocabularies
