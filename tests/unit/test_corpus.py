"""corpus.load_corpus on small temporary repositories: every problem, its file and its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import doc, messages, summary

from macros.content.corpus import Corpus, known_identities, load_corpus

Load = Callable[..., Corpus]

SEANCE_PATH = "sessions/01-seance/index.md"
ITEM_PATH = "sessions/01-seance/atelier.md"
TERRITORY_PATH = "territories/lille/index.md"
PRACTICE_PATH = "docs/pratiques/fablab.md"
PLAN_PATH = "territories/lille/plan-action.md"

SEANCE = doc(
    "title: Enjeux",
    "numero: 1",
    "mois: juin",
    "questions:",
    "  - Quels enjeux ?",
    "thematiques: [inclusion-numerique]",
)
ITEM = doc(
    "title: Atelier fablab",
    "format: atelier",
    "territoire: lille",
    "pratiques: [fablab]",
    "thematiques: [tiers-lieux]",
    body="Voir [[pratique:fablab]] et [[territoire:lille|la ville]].",
)
TERRITORY = doc(
    "title: Lille",
    "collectivites:",
    "  - nom: Lille",
    "    nature: commune",
    '    code_insee: "59350"',
)
PRACTICE = doc("title: Fablab", "thematiques: [tiers-lieux]", body="Un atelier de fabrication.")

BASE = {SEANCE_PATH: SEANCE, ITEM_PATH: ITEM, TERRITORY_PATH: TERRITORY, PRACTICE_PATH: PRACTICE}


def plan(*action: str) -> str:
    """A plan with one action; ``action`` lines start at file line 9."""
    return doc(
        "title: Plan",
        "axes:",
        "  - titre: Axe 1",
        "    actions:",
        "      - id: A1",
        "        titre: Action",
        "        statut: prevue",
        *(f"        {line}" for line in action),
    )


def item(*header: str, body: str = "Texte.") -> str:
    return doc("title: Atelier fablab", "format: atelier", *header, body=body)


def test_base_corpus_is_valid(load: Load) -> None:
    corpus = load(BASE)
    assert summary(corpus) == []
    assert sorted(e.key for e in corpus.entries) == [
        ("intervention", "atelier"),
        ("pratique", "fablab"),
        ("seance", "01"),
        ("territoire", "lille"),
    ]
    entry = corpus.by_key()[("intervention", "atelier")]
    assert entry.meta == {
        "title": "Atelier fablab",
        "format": "atelier",
        "territoire": "lille",
        "pratiques": ["fablab"],
        "thematiques": ["tiers-lieux"],
    }
    assert (entry.path, entry.src_uri, entry.body_line) == (
        ITEM_PATH,
        "seances/01-seance/atelier.md",
        8,
    )
    assert (entry.seance, entry.territory, entry.is_report) == ("01", "lille", False)
    assert entry.line("pratiques", 0) == 5
    # front-matter references first, then text references, in order
    assert corpus.links[("intervention", "atelier")] == [
        ("territoire", "lille"),
        ("pratique", "fablab"),
        ("pratique", "fablab"),
        ("territoire", "lille"),
    ]


def test_full_valid_corpus_has_no_problems(load: Load) -> None:
    files = {
        **BASE,
        "sessions/01-seance/retour-lille.md": doc(
            "title: Retour de Lille",
            "format: retour-experience",
            "structure: Ville de Lille",
            "type_acteur: commune",
            "territoire: lille",
            "pratiques:",
            "  - fablab",
            "thematiques: [tiers-lieux, inclusion-numerique]",
            "publics: [jeunes]",
            "debut: 2023-09",
            "fin: 2024-06-30",
            "enseignements:",
            "  - Commencer petit.",
            "contacts:",
            "  - nom: Accueil",
            "    courriel: contact@lille.fr",
            "  - nom: Jeanne Martin",
            "    courriel: jeanne.martin@lille.fr",
            "    telephone: '+33102030405'",
            "    consentement: true",
            "ressources:",
            "  - titre: Guide",
            "    url: https://ok.example/guide.pdf",
            body="Voir la [[seance:1]], [[retour:retour-lille|ce retour]] et [[acteur:epci]].\n"
            "![photo](photo.jpg)\n\n```\n[[pas:une-reference]] <script>\n```",
        ),
        "sessions/01-seance/photo.jpg": b"\xff\xd8\xff",
        "sessions/02-lieux/index.md": doc(
            "title: Lieux", "mois: septembre", "questions: [Où ?]", "restitution: false"
        ),
        TERRITORY_PATH: doc(
            "title: Lille",
            "region: Hauts-de-France",
            "collectivites:",
            "  - nom: Lille",
            "    nature: commune",
            "    code_insee: '59350'",
            "  - nom: MEL",
            "    nature: epci",
            "    siren: '200 093 201'",
            "qpv:",
            "  - code: QN05901M",
            "    nom: Fives",
            "  - code: QP059001",
            "    nom: Moulins",
            "structures:",
            "  - nom: EPN de Fives",
            "    type_acteur: structure-proximite",
        ),
        "territories/lille/diagnostic.md": doc(
            "title: Diagnostic",
            "avancement: en-cours",
            "date: 2024-05",
            "indicateurs:",
            "  - libelle: Taux",
            "    valeur: 12 %",
            "    source: INSEE",
            "    annee: 2021",
            "    echelle: commune",
            "forces: [Réseau dense]",
        ),
        PLAN_PATH: plan("pratiques: [fablab]", "debut: 2024-01", "fin: 2024-12", "budget: 15000.5"),
        "territories/lille/partenariat.md": doc(
            "title: Partenariat",
            "partenaires:",
            "  - nom: CAF",
            "    type_acteur: service-public",
            "conventions:",
            "  - titre: Convention",
            "    date: 2024-02-01",
        ),
    }
    corpus = load(files)
    assert summary(corpus) == []
    assert len(corpus.entries) == 9
    assert [a.path for a in corpus.assets] == ["sessions/01-seance/photo.jpg"]
    retour = corpus.by_key()[("intervention", "retour-lille")]
    assert retour.is_report
    assert retour.meta["contacts"][0]["courriel"] == "contact@lille.fr"
    assert corpus.by_key()[("territoire", "lille")].meta["collectivites"][1]["siren"] == (
        "200093201"
    )
    assert ("seance", "01") in corpus.links[("intervention", "retour-lille")]
    assert ("intervention", "retour-lille") in corpus.links[("intervention", "retour-lille")]


# ------------------------------------------------------------------ one problem at a time

CASES = [
    # (id, files replacing or adding to BASE, expected (path, line, code), message fragments)
    (
        "missing-title",
        {SEANCE_PATH: doc("mois: juin", "questions: [Q ?]")},
        [(SEANCE_PATH, 1, "E011")],
        ["clé obligatoire « title » manquante"],
    ),
    (
        "nested-required-at-item-line",
        {
            TERRITORY_PATH: doc(
                "title: Lille", "collectivites:", "  - nom: Lille", "  - nature: epci"
            )
        },
        [(TERRITORY_PATH, 4, "E011"), (TERRITORY_PATH, 5, "E011")],
        ["« collectivites[1].nature »", "« collectivites[2].nom »"],
    ),
    (
        "wrong-type",
        {SEANCE_PATH: SEANCE.replace("numero: 1", "numero: un")},
        [(SEANCE_PATH, 3, "E012")],
        ["« numero » doit être un nombre entier (valeur trouvée : « un »)"],
    ),
    (
        "wrong-type-list",
        {TERRITORY_PATH: doc("title: Lille", "collectivites: Lille")},
        [(TERRITORY_PATH, 3, "E012")],
        ["« collectivites » doit être une liste"],
    ),
    (
        "unknown-key",
        {SEANCE_PATH: SEANCE.replace("thematiques:", "thematique:")},
        [(SEANCE_PATH, 7, "E013")],
        ["clé « thematique » inconnue ; vouliez-vous dire « thematiques » ?"],
    ),
    (
        "outside-vocabulary",
        {SEANCE_PATH: SEANCE.replace("mois: juin", "mois: juinn")},
        [(SEANCE_PATH, 4, "E014")],
        ["valeur « juinn » inconnue ; vouliez-vous dire « juin » ?"],
    ),
    (
        "outside-vocabulary-list-item",
        {
            ITEM_PATH: ITEM.replace(
                "thematiques: [tiers-lieux]", "thematiques:\n  - tiers-lieux\n  - tiers-lieu"
            )
        },
        [(ITEM_PATH, 8, "E014")],
        ["« thematiques[2] »", "vouliez-vous dire « tiers-lieux » ?"],
    ),
    (
        "unknown-territory",
        {ITEM_PATH: ITEM.replace("territoire: lille", "territoire: lile")},
        [(ITEM_PATH, 4, "E015")],
        ["territoire « lile » inconnu(e) ; vouliez-vous dire « lille » ?"],
    ),
    (
        "unknown-practice",
        {ITEM_PATH: ITEM.replace("pratiques: [fablab]", "pratiques:\n  - fablab\n  - fabrique")},
        [(ITEM_PATH, 7, "E020")],
        ["pratique « fabrique » inconnue"],  # no « capi new pratique »: organisers decide
    ),
    (
        "practice-listed-twice",
        {ITEM_PATH: ITEM.replace("pratiques: [fablab]", "pratiques:\n  - fablab\n  - fablab")},
        [(ITEM_PATH, 7, "E023")],
        ["« pratiques » : « fablab » figure deux fois dans la liste"],
    ),
    (
        "type-disagrees-with-location",
        {SEANCE_PATH: SEANCE.replace("mois:", "type: territoire\nmois:")},
        [(SEANCE_PATH, 4, "E018")],
        ["type « territoire » déclaré", "indique « seance »"],
    ),
    (
        "type-agrees-with-location",
        {SEANCE_PATH: SEANCE.replace("mois:", "type: seance\nmois:")},
        [],
        [],
    ),
    (
        "numero-disagrees-with-folder",
        {SEANCE_PATH: SEANCE.replace("numero: 1", "numero: 2")},
        [(SEANCE_PATH, 3, "E016")],
        ["1, le numéro du dossier"],
    ),
    (
        "unknown-text-reference",
        {ITEM_PATH: item(body="Intro.\n\nVoir [[pratique:fablob]].")},
        [(ITEM_PATH, 7, "E021")],
        ["référence [[pratique:fablob]] inconnue ; vouliez-vous dire « fablab » ?"],
    ),
    (
        "wrong-reference-type",
        {ITEM_PATH: item(body="[[territoire:fablab]]")},
        [(ITEM_PATH, 5, "E022")],
        ["[[territoire:fablab]] : « fablab » n'est pas un(e) territoire mais un(e) pratique"],
    ),
    (
        "retour-to-a-non-report",
        {SEANCE_PATH: SEANCE.replace("Texte.", "x\n[[retour:atelier]]")},
        [(SEANCE_PATH, 10, "E022")],
        ["n'est pas un(e) retour mais un(e) intervention"],
    ),
    (
        "reference-in-code-ignored",
        {ITEM_PATH: item(body="`[[pratique:x]]`\n```\n[[pratique:y]]\n```")},
        [],
        [],
    ),
    (
        "action-end-before-start",
        {PLAN_PATH: plan("debut: 2024-06", "fin: 2024-01")},
        [(PLAN_PATH, 10, "E024")],
        ["la fin (2024-01) précède le début (2024-06)"],
    ),
    (
        "negative-budget",
        {PLAN_PATH: plan("budget: -5")},
        [(PLAN_PATH, 9, "E025")],
        ["« axes[1].actions[1].budget » doit être positif ou nul"],
    ),
    (
        "unknown-practice-in-action",
        {PLAN_PATH: plan("pratiques: [fablob]")},
        [(PLAN_PATH, 9, "E020")],
        ["vouliez-vous dire « fablab » ?"],
    ),
    (
        "bad-insee",
        {TERRITORY_PATH: TERRITORY.replace('"59350"', '"7505"')},
        [(TERRITORY_PATH, 6, "E026")],
        ["« collectivites[1].code_insee » : code INSEE « 7505 »"],
    ),
    (
        "bad-siren-length",
        {TERRITORY_PATH: TERRITORY.replace('code_insee: "59350"', "siren: '12345'")},
        [(TERRITORY_PATH, 6, "E027")],
        ["SIREN « 12345 » invalide (9 chiffres attendus)"],
    ),
    (
        "bad-siren-key",
        {TERRITORY_PATH: TERRITORY.replace('code_insee: "59350"', "siren: '200093202'")},
        [(TERRITORY_PATH, 6, "E027")],
        ["SIREN « 200093202 » invalide (clé de contrôle incorrecte)"],
    ),
    (
        "bad-qpv",
        {
            TERRITORY_PATH: TERRITORY.replace(
                "---\nTexte", "qpv:\n  - code: QN0751\n    nom: Q\n---\nTexte"
            )
        },
        [(TERRITORY_PATH, 8, "E028")],
        ["« qpv[1].code » : code QPV « QN0751 » invalide"],
    ),
    (
        "personal-email-without-consent",
        {
            TERRITORY_PATH: TERRITORY.replace(
                "---\nTexte",
                "contacts:\n  - nom: Accueil\n    courriel: contact@lille.fr\n"
                "  - nom: Jean\n    courriel: jean.dupont@lille.fr\n---\nTexte",
            )
        },
        [(TERRITORY_PATH, 11, "E030")],
        ["« jean.dupont@lille.fr » publiée sans consentement"],
    ),
    (
        "report-missing-enseignements",
        {
            "sessions/01-seance/retour.md": doc(
                "title: Retour",
                "format: retour-experience",
                "structure: S",
                "type_acteur: commune",
                "pratiques: [fablab]",
                "thematiques: [gouvernance]",
            )
        },
        [("sessions/01-seance/retour.md", 3, "E011")],  # the line of « format »
        [
            "clé obligatoire « enseignements » manquante (à remplir dès que l'avancement "
            "n'est plus « à compléter »)"
        ],
    ),
    (
        "report-missing-everything",
        {"sessions/01-seance/retour.md": doc("title: Retour", "format: retour-experience")},
        [("sessions/01-seance/retour.md", 3, "E011")] * 5,
        [
            "« structure »",
            "« type_acteur »",
            "« pratiques »",
            "« thematiques »",
            "« enseignements »",
        ],
    ),
    (
        "item-without-seance-index",
        {"sessions/03-vide/a.md": item()},
        [("sessions/03-vide/a.md", 1, "E041")],
        ["ce dossier de séance n'a pas de index.md", "déplacez ce fichier"],
    ),
    (
        "deliverable-without-territory",
        {"territories/roubaix/diagnostic.md": doc("title: D")},
        [("territories/roubaix/diagnostic.md", 1, "E041")],
        ["ce dossier de territoire n'a pas de index.md", "déplacez ce fichier"],
    ),
]


@pytest.mark.parametrize(
    ("files", "expected", "fragments"), [pytest.param(f, e, m, id=i) for i, f, e, m in CASES]
)
def test_problem(
    load: Load, files: dict[str, str], expected: list[tuple[str, int, str]], fragments: list[str]
) -> None:
    corpus = load({**BASE, **files})
    assert summary(corpus) == sorted(expected)
    text = "\n".join(p.message for p in corpus.problems)
    for fragment in fragments:
        assert fragment in text


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        # item() has a two-key header: the body starts at line 5
        ("<script>alert(1)</script>", [5]),
        ("Intro.\n\n<iframe src='https://x.example'></iframe>", [7]),
        ('a\n<p onclick="x()">b</p>', [6]),
        ("[clic](javascript:alert(1))", [5]),
        ("texte\n![logo](https://cdn.example/logo.png)", [6]),
        (
            "<script></script>\n`<script>`\n```\n<iframe>\n```\n<img src='//x.example/a.png'>",
            [5, 10],
        ),
    ],
)
def test_forbidden_html_with_its_line(load: Load, body: str, lines: list[int]) -> None:
    corpus = load({**BASE, ITEM_PATH: item(body=body)})
    assert summary(corpus) == [(ITEM_PATH, line, "E029") for line in lines]


def test_duplicate_slug_across_seances(load: Load) -> None:
    corpus = load(
        {
            **BASE,
            "sessions/02-autre/index.md": SEANCE.replace("numero: 1\n", ""),
            "sessions/02-autre/atelier.md": item(),
        }
    )
    assert summary(corpus) == [("sessions/02-autre/atelier.md", 1, "E017")]
    assert messages(corpus, "E017") == [
        "intervention « atelier » déjà utilisé par sessions/01-seance/atelier.md ; "
        "choisissez un autre nom de fichier"
    ]
    kept = [e for e in corpus.entries if e.slug == "atelier"]
    assert [e.path for e in kept] == [ITEM_PATH]


def test_duplicate_seance_number(load: Load) -> None:
    # 01-suite sorts after 01-seance: the first one read keeps the number
    corpus = load({**BASE, "sessions/01-suite/index.md": SEANCE})
    assert summary(corpus) == [("sessions/01-suite/index.md", 1, "E017")]
    assert (
        "séance « 01 » déjà utilisé par sessions/01-seance/index.md"
        in (messages(corpus, "E017")[0])
    )


def test_duplicate_seance_number_does_not_claim_a_missing_index(load: Load) -> None:
    """Regression (engine bug at d613165, fixed since): when a duplicate séance number makes the
    engine drop a séance index.md, the interventions next to that index.md get E019 « ce
    dossier de séance n'a pas de index.md », which is false (it has one; it lost the number
    to another folder)"""
    # 01-doublon sorts before 01-seance, so 01-seance/index.md is the one dropped
    corpus = load({**BASE, "sessions/01-doublon/index.md": SEANCE})
    assert summary(corpus) == [(SEANCE_PATH, 1, "E017")]


def test_organiser_only_key_is_refused(load: Load) -> None:
    corpus = load({**BASE, SEANCE_PATH: SEANCE.replace("mois:", "render_macros: true\nmois:")})
    assert (SEANCE_PATH, 4, "E033") in summary(corpus)
    assert (
        "la clé « render_macros » est réservée aux organisateurs" in (messages(corpus, "E033")[0])
    )
    assert "render_macros" not in corpus.by_key()[("seance", "01")].meta


def test_organiser_only_key_is_reported_once(load: Load) -> None:
    """Regression (engine bug at d613165, fixed since): load_entry computes `ignored =
    frozenset(ORGANISER_ONLY_KEYS)` but does not pass it to check_mapping, so an organiser-
    only key is reported twice: E033 and also E013 « clé inconnue »"""
    corpus = load({**BASE, SEANCE_PATH: SEANCE.replace("mois:", "render_macros: true\nmois:")})
    assert summary(corpus) == [(SEANCE_PATH, 4, "E033")]


def test_unknown_reference_kind_is_reported(load: Load) -> None:
    """Regression (engine bug at d613165, fixed since): an unknown reference kind such as
    [[foo:bar]] crashes load_corpus with KeyError: 'kind' — corpus._check_references
    renders E031 without the {kind} parameter its message template needs"""
    corpus = load({**BASE, ITEM_PATH: item(body="Voir [[foo:bar]].")})
    assert summary(corpus) == [(ITEM_PATH, 5, "E031")]
    assert "[[foo:…]]" in messages(corpus, "E031")[0]


def test_all_problems_are_reported_at_once(load: Load) -> None:
    files = {
        **BASE,
        SEANCE_PATH: doc("numero: un", "mois: juinn", "questions: [Q ?]", "thematique: [x]"),
        ITEM_PATH: doc(
            "title: A",
            "format: atelier",
            "territoire: lile",
            "pratiques: [fablab, fablab]",
            body="<script></script>\n[[pratique:nope]]",
        ),
        TERRITORY_PATH: doc(
            "title: Lille",
            "collectivites:",
            "  - nom: Lille",
            "    nature: commune",
            "    code_insee: '20004'",
        ),
        "sessions/01-seance/casse.md": b"---\ntitle: \xe9\n---\n",
        "sessions/01-seance/sans-entete.md": "Pas d'en-tête.\n",
        "sessions/x/a.md": item(),
    }
    corpus = load(files)
    assert summary(corpus) == [
        ("sessions/01-seance/atelier.md", 4, "E015"),
        ("sessions/01-seance/atelier.md", 5, "E023"),
        ("sessions/01-seance/atelier.md", 7, "E029"),
        ("sessions/01-seance/atelier.md", 8, "E021"),
        ("sessions/01-seance/casse.md", 2, "E001"),
        ("sessions/01-seance/index.md", 1, "E011"),
        ("sessions/01-seance/index.md", 2, "E012"),
        ("sessions/01-seance/index.md", 3, "E014"),
        ("sessions/01-seance/index.md", 5, "E013"),
        ("sessions/01-seance/sans-entete.md", 1, "E002"),
        ("sessions/x/a.md", 1, "E036"),
        ("territories/lille/index.md", 6, "E026"),
    ]
    # files that could not be parsed are left out; the others are still usable
    assert sorted(e.slug for e in corpus.entries) == ["01", "atelier", "fablab", "lille"]


def test_only_limits_reported_problems_but_reads_everything(load: Load) -> None:
    files = {
        **BASE,
        SEANCE_PATH: doc("mois: juin", "questions: [Q ?]"),
        ITEM_PATH: item("pratiques: [fablob]"),
    }
    corpus = load(files, only={ITEM_PATH})
    assert summary(corpus) == [(ITEM_PATH, 4, "E020")]  # the séance's E011 is left out
    assert len(corpus.entries) == 4


def test_missing_vocabulary_file(make_repo: Callable[[dict[str, str | bytes]], Path]) -> None:
    root = make_repo({SEANCE_PATH: SEANCE})
    (root / "vocabulaires.yml").unlink()
    corpus = load_corpus(root)
    assert ("vocabulaires.yml", 1, "E042") in summary(corpus)
    assert (SEANCE_PATH, 4, "E014") in summary(corpus)  # « juin » is no longer a known month


def test_known_identities(load: Load) -> None:
    corpus = load(
        {
            **BASE,
            "sessions/01-seance/retour.md": doc(
                "title: Retour",
                "format: retour-experience",
                "structure: S",
                "type_acteur: commune",
                "pratiques: [fablab]",
                "thematiques: [gouvernance]",
                "enseignements: [Un.]",
            ),
        }
    )
    assert summary(corpus) == []
    known = known_identities(corpus)
    assert known["intervention"] == {"atelier", "retour"}
    assert known["retour"] == {"retour"}
    assert known["pratique"] == {"fablab"}
    assert known["seance"] == {"01"}
    assert "tiers-lieux" in known["thematique"] and "epci" in known["acteur"]


def test_territory_documents_without_type_are_named(load: Load) -> None:
    """The web editor lists a territory's documents by their « type »: a file without it is
    reported as a warning, on its file, with the line to add."""
    corpus = load({**BASE, PLAN_PATH: doc("title: Plan", "type: plan-action")})
    warned = [p for p in corpus.problems if p.code == "W004"]
    assert [(p.path, p.severity) for p in warned] == [(TERRITORY_PATH, "warning")]
    assert "ajoutez « type: territoire »" in warned[0].message
    assert not corpus.problems.errors
