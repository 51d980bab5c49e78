"""html_policy.check_body: forbidden HTML and links, each reported (E029) at its file line."""

from __future__ import annotations

import pytest

from macros.content.html_policy import check_body
from macros.problems import Problems

BODY_LINE = 20


def scan(body: str, body_line: int = BODY_LINE) -> list[tuple[int, str, str]]:
    problems = Problems()
    check_body(body, body_line, "sessions/01-x/a.md", problems)
    assert all(p.path == "sessions/01-x/a.md" for p in problems)
    return [(p.line, p.code, p.message) for p in problems]


@pytest.mark.parametrize(
    ("body", "line", "what"),
    [
        pytest.param("Texte.\n<script>alert(1)</script>", 21, "balise <script>", id="script"),
        pytest.param("<SCRIPT>alert(1)</SCRIPT>", 20, "balise <script>", id="script-upper-case"),
        pytest.param(
            "a\n\n<iframe src='https://x.example'></iframe>", 22, "balise <iframe>", id="iframe"
        ),
        pytest.param("<object data='x.swf'></object>", 20, "balise <object>", id="object"),
        pytest.param('<svg width="10"></svg>', 20, "balise <svg>", id="svg"),
        pytest.param('<p onclick="x()">hi</p>', 20, "attribut « onclick » sur <p>", id="onclick"),
        pytest.param(
            'a\n<img src="a.png" onerror="x()">', 21, "attribut « onerror » sur <img>", id="onerror"
        ),
        pytest.param(
            '<span foo="bar">x</span>', 20, "attribut « foo » sur <span>", id="unknown-attribute"
        ),
        pytest.param(
            "[clic](javascript:alert(1))",
            20,
            "adresse « javascript:alert(1) » sur <a>",
            id="javascript-markdown-link",
        ),
        pytest.param(
            "a\nb\n[clic]( JavaScript:alert(1))",
            22,
            "adresse « JavaScript:alert(1) » sur <a>",
            id="javascript-markdown-link-mixed-case",
        ),
        pytest.param(
            '<a href="javascript:alert(1)">x</a>',
            20,
            "adresse « javascript:alert(1) » sur <a>",
            id="javascript-href",
        ),
        pytest.param(
            '<a href="data:text/html,x">x</a>',
            20,
            "adresse « data:text/html,x » sur <a>",
            id="data-href",
        ),
        pytest.param(
            "![logo](https://evil.example/a.png)",
            20,
            "image externe « https://evil.example/a.png »",
            id="external-markdown-image",
        ),
        pytest.param(
            '<img src="https://evil.example/a.png">',
            20,
            "image externe « https://evil.example/a.png »",
            id="external-img",
        ),
        pytest.param(
            '<img src="//evil.example/a.png">',
            20,
            "image externe « //evil.example/a.png »",
            id="protocol-relative-img",
        ),
        pytest.param(
            '<div style="background:url(https://x.example/a.png)">a</div>',
            20,
            "style qui charge une ressource sur <div>",
            id="style-url",
        ),
        pytest.param(
            '<p style="x: expression(alert(1))">a</p>',
            20,
            "style qui charge une ressource sur <p>",
            id="style-expression",
        ),
        pytest.param(
            '<p\n  class="x"\n  onclick="y()">a</p>',
            22,
            "attribut « onclick » sur <p>",
            id="multi-line-tag-reported-on-the-attribute-line",
        ),
    ],
)
def test_forbidden(body: str, line: int, what: str) -> None:
    problems = scan(body)
    assert [(ln, code) for ln, code, _ in problems] == [(line, "E029")]
    assert problems[0][2].startswith(f"HTML interdit : {what}")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Du texte, **gras** et _italique_.", id="plain-markdown"),
        pytest.param("[site](https://ok.example) et [page](../autre.md)", id="links"),
        pytest.param("![photo](photo.png) ![plan](img/plan.jpg)", id="local-images"),
        pytest.param('<img src="photo.png" alt="Photo" width="200">', id="local-img"),
        pytest.param('<a href="https://ok.example" title="t">lien</a>', id="https-anchor"),
        pytest.param("<details markdown><summary>Plus</summary>texte</details>", id="details"),
        pytest.param(
            '<span aria-label="x" style="color: red">x</span>',
            id="aria-and-harmless-style",
        ),
        pytest.param("```html\n<script>alert(1)</script>\n```", id="script-in-fence"),
        pytest.param("~~~\n[x](javascript:alert(1))\n~~~", id="js-link-in-fence"),
        pytest.param("Écrivez `<script>` ou `![x](https://e.example/a.png)`.", id="inline-code"),
        pytest.param("a < b et c > d", id="comparison-signs"),
    ],
)
def test_allowed(body: str) -> None:
    assert scan(body) == []


def test_every_problem_is_reported_with_its_line() -> None:
    body = "\n".join(
        [
            "Intro.",  # 20
            "<script>x()</script>",  # 21
            "",  # 22
            "```",  # 23
            "<iframe></iframe>",  # 24 (code: ignored)
            "```",  # 25
            '<a href="javascript:x()" onclick="y()">a</a>',  # 26
            "![i](https://evil.example/i.png) `<form>`",  # 27
        ]
    )
    assert [(ln, code) for ln, code, _ in scan(body)] == [
        (21, "E029"),
        (26, "E029"),
        (26, "E029"),
        (27, "E029"),
    ]


def test_body_line_offsets_lines() -> None:
    assert [ln for ln, _, _ in scan("a\n<script></script>", body_line=1)] == [2]
    assert [ln for ln, _, _ in scan("a\n<script></script>", body_line=100)] == [101]


def test_html_inside_a_longer_fence_is_ignored() -> None:
    """Regression (engine bug at d613165, fixed since): a fence is closed by a shorter fence of
    the same character, so HTML shown inside a ```` block that contains a ``` block is
    scanned as if it were live"""
    assert scan("````markdown\n```\n<script>x</script>\n```\n````") == []


def test_javascript_in_reference_link_definition_is_refused() -> None:
    """Regression (engine bug at d613165, fixed since): reference-style link definitions were
    not checked (and a body without « < » or « ]( » was not scanned at all), although
    Python-Markdown renders '[x][1]' + '[1]: javascript:alert(1)' as a javascript: link"""
    problems = scan("[clic][1]\n\n[1]: javascript:alert(1)")
    assert [(ln, code) for ln, code, _ in problems] == [(22, "E029")]


@pytest.mark.parametrize(
    "body",
    [
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="java&#10;script:alert(1)">x</a>',
    ],
)
def test_javascript_obfuscated_with_whitespace_entities_is_refused(body: str) -> None:
    """Regression (engine bug at d613165, fixed since): the scheme is matched on the decoded
    attribute value, but a tab or newline inside it (jav&#x09;ascript:) defeats the regex
    while browsers strip it from URLs, so the link still runs javascript:"""
    assert [(ln, code) for ln, code, _ in scan(body)] == [(20, "E029")]


@pytest.mark.parametrize("src", ["\\\\evil.example/a.png", "http:evil.example/a.png"])
def test_other_spellings_of_external_images_are_refused(src: str) -> None:
    """Regression (engine bug at d613165, fixed since): EXTERNAL_RE only knows 'http(s)://' and
    '//', but browsers also load '\\host/x.png' (backslashes count as slashes) and
    'http:host/x.png' (from an https page) from another host"""
    assert [(ln, code) for ln, code, _ in scan(f'<img src="{src}">')] == [(20, "E029")]


# ------------------------------------------------------------------ personal data in the text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Écrire à jean.dupont@lille.fr.", [(20, "jean.dupont@lille.fr")], id="personal-email"
        ),
        pytest.param(
            "[écrire](mailto:jean.dupont@lille.fr)",
            [(20, "jean.dupont@lille.fr")],
            id="personal-email-in-mailto",
        ),
        pytest.param("a\nAppeler le 01 02 03 04 05", [(21, "01 02 03 04 05")], id="phone"),
        pytest.param(
            "Tél. +33 1 02 03 04 05 ou 06.12.34.56.78 ou 0612345678",
            [(20, "+33 1 02 03 04 05"), (20, "06.12.34.56.78"), (20, "0612345678")],
            id="phone-spellings",
        ),
        pytest.param(
            "Écrire à contact@lille.fr ou accueil.epn@lille.fr", [], id="structure-mailboxes-pass"
        ),
        pytest.param("`jean@x.fr` et\n```\n01 02 03 04 05\n```", [], id="code-is-ignored"),
        pytest.param(
            "En 2024, 12 345 personnes ; SIREN 200093201 ; SIRET 20009320100017 ; INSEE 59350",
            [],
            id="other-numbers-pass",
        ),
    ],
)
def test_personal_data_in_text(body: str, expected: list[tuple[int, str]]) -> None:
    problems = scan(body)
    assert [(ln, code) for ln, code, _ in problems] == [(ln, "E043") for ln, _ in expected]
    for (_, _, message), (_, value) in zip(problems, expected):
        assert message.startswith(f"donnée personnelle « {value} » dans le texte : retirez-la")


def test_image_file_name_with_at_2x_is_not_an_email() -> None:
    """Regression (engine bug at d613165, fixed since): a high-density image file name
    (logo@2x.png) was taken for a person's e-mail address and refused with E030"""
    assert scan("![logo](img/logo@2x.png)") == []


def test_the_check_converts_with_the_site_extensions() -> None:
    """The check judges what the site renders: same extensions, plus MkDocs' fenced_code."""
    import yaml

    from macros.content.html_policy import MARKDOWN_EXTENSIONS
    from tests.conftest import ROOT

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert list(MARKDOWN_EXTENSIONS) == ["fenced_code", *names]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        pytest.param('Texte\n{: onfocus="x()" autofocus }', 21, id="attr-list-on-paragraph"),
        pytest.param('![i](a.png){: onload="x()" }', 20, id="attr-list-on-image"),
        pytest.param('[l](a.md){: href="javascript:x()" }', 20, id="attr-list-href"),
        pytest.param("a\n\n> [c][r]\n>\n> [r]: javascript:x()", 24, id="reference-in-quote"),
        pytest.param('\\` <img src="x" onerror="x()"> `', 20, id="escaped-backticks"),
        pytest.param('~~~\n\n<img src="x" onerror="x()">', 22, id="unclosed-fence"),
        pytest.param('<!-- --!><img src="x" onerror="x()"> -->', 20, id="comment-bang-close"),
    ],
)
def test_what_markdown_makes_live_is_reported_on_its_line(body: str, line: int) -> None:
    problems = scan(body)
    assert problems and all(code == "E029" for _, code, _ in problems)
    assert problems[0][0] == line


def scan_all(body: str) -> list[tuple[int, str, str]]:
    problems = Problems()
    check_body(body, BODY_LINE, "sessions/01-x/a.md", problems)
    return [(p.line, p.code, p.message) for p in problems]


def test_an_ordinary_word_earlier_in_the_text_is_not_blamed() -> None:
    """Regression: the line was the first place where the attribute's name appeared, so
    « Notre target était… » or « le style d'animation » took the blame."""
    body = "\n".join(
        [
            "Le style d'animation et l'alignement des partenaires.",  # 20
            "Notre target était les seniors.",  # 21
            '<p style="font-family:Arial">texte</p>',  # 22
            '<div align="center">centré</div>',  # 23
            '<a href="https://exemple.fr" target="_blank">lien</a>',  # 24
        ]
    )
    assert [(ln, code) for ln, code, _ in scan_all(body)] == [
        (22, "W002"),
        (23, "W002"),
        (24, "W002"),
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<span style="font-family:Calibri;font-size:11pt;color:red">x</span>',
            "mise en forme retirée à la publication : propriétés de style « font-family », "
            "« font-size » sur <span> ; seules text-align",
        ),
        (
            '<div align="center">x</div>',
            'attribut « align » sur <div> ; écrivez style="text-align: …" à la place',
        ),
        ("<font color=red>x</font>", "mise en forme retirée à la publication : balise <font>"),
        (
            '[site](https://exemple.fr){: target="_blank" rel="noopener" }',
            "attribut « target » sur <a>",
        ),
    ],
)
def test_pasted_formatting_is_a_warning_that_says_what_to_do(body: str, message: str) -> None:
    problems = scan_all(body)
    assert problems and {code for _, code, _ in problems} == {"W002"}
    assert any(m.startswith(message) or message in m for _, _, m in problems)


def test_an_iframe_gets_a_link_as_remedy() -> None:
    problems = scan_all('<iframe src="https://www.youtube.com/embed/x"></iframe>')
    assert [(code, "[Titre de la vidéo](https://…)" in m) for _, code, m in problems] == [
        ("E029", True)
    ]


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (
            '<span data-clipboard-text="curl x | sh">copiez</span>',
            "attribut « data-clipboard-text »",
        ),
        ('<a class="md-button" href="https://exemple.fr">OK</a>', "classe « md-button » réservée"),
    ],
)
def test_what_the_theme_would_act_on_is_refused(body: str, what: str) -> None:
    problems = scan_all(body)
    assert [code for _, code, _ in problems] == ["E029"] and what in problems[0][2]


def test_many_pasted_paragraphs_stay_warnings_each_on_its_line() -> None:
    """Regression: past 50 warnings the summary was an error, and « align= » matched twice
    per tag, so half the lines were merged."""
    body = "\n\n".join('<p align="center">x</p>' for _ in range(30))
    problems = scan_all(body)
    assert {code for _, code, _ in problems} == {"W002"}
    assert [line for line, _, _ in problems] == [20 + 2 * i for i in range(30)]
