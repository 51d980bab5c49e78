"""frontmatter.parse / parse_yaml: splitting, line numbers and every refusal, with its line."""

from __future__ import annotations

import pytest

from macros.content.frontmatter import MAX_FILE_BYTES, MAX_NODES, parse, parse_yaml


def codes_and_lines(raw: bytes) -> list[tuple[int, str]]:
    parsed, problems = parse(raw, "sessions/01-x/index.md")
    assert parsed is None, "a refused file must not be usable"
    return [(p.line, p.code) for p in problems]


# ------------------------------------------------------------------ valid files

VALID = (
    b"---\n"  # 1
    b"title: Atelier\n"  # 2
    b"questions:\n"  # 3
    b"  - Premiere ?\n"  # 4
    b"  - Seconde ?\n"  # 5
    b"axes:\n"  # 6
    b"  - titre: Axe 1\n"  # 7
    b"    actions:\n"  # 8
    b"      - id: A1\n"  # 9
    b"        budget: 1500\n"  # 10
    b"---\n"  # 11
    b"Premier paragraphe.\n"  # 12
    b"\n"
    b"Second.\n"
)


def test_valid_file_meta_and_body() -> None:
    parsed, problems = parse(VALID, "f.md")
    assert problems == []
    assert parsed is not None
    assert parsed.meta == {
        "title": "Atelier",
        "questions": ["Premiere ?", "Seconde ?"],
        "axes": [{"titre": "Axe 1", "actions": [{"id": "A1", "budget": 1500}]}],
    }
    assert parsed.body == "Premier paragraphe.\n\nSecond.\n"
    assert parsed.body_line == 12


@pytest.mark.parametrize(
    ("keypath", "line"),
    [
        (("title",), 2),
        (("questions",), 3),
        (("questions", 0), 4),
        (("questions", 1), 5),
        (("axes", 0), 7),
        (("axes", 0, "titre"), 7),
        (("axes", 0, "actions"), 8),
        (("axes", 0, "actions", 0), 9),
        (("axes", 0, "actions", 0, "id"), 9),
        (("axes", 0, "actions", 0, "budget"), 10),
        # unknown keys fall back to their deepest known parent, then to line 1
        (("questions", 7), 3),
        (("axes", 0, "actions", 0, "fin"), 9),
        (("absent",), 1),
        ((), 1),
    ],
)
def test_line_of_nested_keys_and_list_items(keypath: tuple, line: int) -> None:
    parsed, _ = parse(VALID, "f.md")
    assert parsed is not None
    assert parsed.line(*keypath) == line


def test_dots_close_the_header_too() -> None:
    parsed, problems = parse(b"---\ntitle: x\n...\nbody\n", "f.md")
    assert problems == []
    assert parsed is not None and parsed.meta == {"title": "x"}
    assert (parsed.body, parsed.body_line) == ("body\n", 4)


def test_empty_header_gives_empty_meta() -> None:
    parsed, problems = parse(b"---\n---\nbody\n", "f.md")
    assert problems == []
    assert parsed is not None and parsed.meta == {} and parsed.body_line == 3


def test_crlf_and_bom_are_accepted_with_the_same_lines() -> None:
    raw = b"\xef\xbb\xbf---\r\ntitle: x\r\nq:\r\n  - a\r\n---\r\nbody\r\nline2\r\n"
    parsed, problems = parse(raw, "f.md")
    assert problems == []
    assert parsed is not None
    assert parsed.meta == {"title": "x", "q": ["a"]}
    assert parsed.lines == {("title",): 2, ("q",): 3, ("q", 0): 4}
    assert parsed.body == "body\nline2\n"
    assert parsed.body_line == 6


def test_old_mac_line_endings_are_accepted() -> None:
    parsed, problems = parse(b"---\rtitle: x\r---\rbody", "f.md")
    assert problems == []
    assert parsed is not None and parsed.meta == {"title": "x"} and parsed.body == "body"


def test_dates_are_kept_as_typed() -> None:
    raw = b"---\ndate: 2024-06-12\nmoment: 2024-06-12 10:30:00\nmois: 2024-06\n---\n"
    parsed, problems = parse(raw, "f.md")
    assert problems == []
    assert parsed is not None
    assert parsed.meta == {"date": "2024-06-12", "moment": "2024-06-12 10:30:00", "mois": "2024-06"}
    assert all(isinstance(v, str) for v in parsed.meta.values())


# ------------------------------------------------------------------ refusals, with their line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"---\ntitle: caf\xe9\n---\n", [(2, "E001")], id="latin1-byte-line-2"),
        pytest.param(b"---\ntitle: a\n\nb: \xff\n---\n", [(4, "E001")], id="bad-byte-line-4"),
        pytest.param(
            b"---\ntitle: ok\n---\nbody\n\nfin \xe9\n", [(6, "E001")], id="bad-byte-in-body"
        ),
        pytest.param(b"---\ntitle: x\x00\n---\n", [(2, "E001")], id="nul-byte"),
        pytest.param(b"no header\n", [(1, "E002")], id="no-front-matter"),
        pytest.param(b"\n---\ntitle: x\n---\n", [(1, "E002")], id="blank-line-before-header"),
        pytest.param(b"", [(1, "E002")], id="empty-file"),
        pytest.param(b"---\ntitle: x", [(2, "E003")], id="unclosed-no-final-newline"),
        pytest.param(b"---\ntitle: x\nbody\nmore", [(4, "E003")], id="unclosed-last-line"),
        pytest.param(
            b"---\ntitle: x\nq:\n\t- a\n  - b\n\t- c\n---\n",
            [(4, "E004"), (6, "E004")],
            id="tabs-each-line",
        ),
        pytest.param(b"---\ntitle: x\nq:\n \t- a\n---\n", [(4, "E004")], id="tab-after-space"),
        pytest.param(b"---\ntitle: x\nbad: [a\n---\n", [(3, "E005")], id="yaml-unclosed-bracket"),
        pytest.param(
            b"---\ntitle: x\nq:\n  - a\n - b\n---\n", [(5, "E005")], id="yaml-indentation"
        ),
        pytest.param(b"---\n- a\n- b\n---\n", [(2, "E006")], id="top-level-list"),
        pytest.param(b"---\njust text\n---\n", [(2, "E006")], id="top-level-scalar"),
        pytest.param(
            b"---\ntitle: x\nother: 1\ntitle: y\n---\n", [(4, "E007")], id="duplicate-key"
        ),
        pytest.param(b"---\nl:\n  - a: 1\n    a: 2\n---\n", [(4, "E007")], id="duplicate-nested"),
    ],
)
def test_refusals_with_their_line(raw: bytes, expected: list[tuple[int, str]]) -> None:
    assert codes_and_lines(raw) == expected


def test_tab_inside_a_value_is_not_indentation() -> None:
    parsed, problems = parse(b"---\ntitle: a\tb\n---\n", "f.md")
    assert problems == []
    assert parsed is not None and parsed.meta["title"] == "a\tb"


def test_duplicate_key_message_names_the_first_line() -> None:
    _, problems = parse(b"---\ntitle: x\nother: 1\n\ntitle: y\n---\n", "f.md")
    assert [(p.line, p.code) for p in problems] == [(5, "E007")]
    assert "« title »" in problems[0].message
    assert "déjà définie ligne 2" in problems[0].message


@pytest.mark.parametrize(
    ("raw", "line", "french"),
    [
        (b"---\ntitle: x\nbad: [a\n---\n", 3, "crochet « ] » ou virgule manquant"),
        (b"---\ntitle: x\nbad: {a\n---\n", 3, "accolade « } » ou virgule manquante"),
        (
            b"---\ntitle: x\na: @x\n---\n",
            3,
            "caractère interdit en début de valeur ; mettez la valeur entre guillemets",
        ),
        (b"---\ntitle: x\na: *nope\n---\n", 3, "alias « * » non défini"),
        (b'---\ntitle: x\nt: "\\q"\n---\n', 3, "séquence d'échappement inconnue entre guillemets"),
        (b"---\ntitle: x\na:\n  b: 1\n c: 2\n---\n", 5, "indentation incohérente ou clé attendue"),
        # an unclosed quote is reported where it was opened, in words
        (
            b"---\ntitle: 'x\nb: 1\n---\n",
            2,
            "guillemet ouvert ligne 2 jamais fermé ; fermez-le à la fin de la valeur",
        ),
        (
            b'---\ntitle: x\nresume: "Un texte\nformat: atelier\n---\n',
            3,
            "guillemet ouvert ligne 3 jamais fermé ; fermez-le à la fin de la valeur",
        ),
    ],
)
def test_yaml_syntax_errors_are_explained_in_french(raw: bytes, line: int, french: str) -> None:
    _, problems = parse(raw, "f.md")
    assert [(p.line, p.code) for p in problems] == [(line, "E005")]
    assert problems[0].message == f"syntaxe YAML invalide : {french}"


def test_colon_inside_unquoted_value_is_explained_in_french() -> None:
    """Regression (engine bug at d613165, fixed since): _YAML_PROBLEMS keys 'mapping values are
    not allowed here' (pure-Python PyYAML wording) but libyaml (CSafeLoader, the parser
    actually used) says 'mapping values are not allowed in this context', so the commonest
    mistake (an unquoted ': ' in a value) is reported in English"""
    _, problems = parse(b"---\ntitle: Atelier: bilan\n---\n", "f.md")
    assert [(p.line, p.code) for p in problems] == [(2, "E005")]
    assert "« : » inattendu" in problems[0].message


BILLION_LAUGHS = (
    b"---\n"
    + b"".join(
        f"{name}: &{name} [{', '.join([f'*{prev}' if prev else 'lol'] * 10)}]\n".encode()
        for prev, name in zip(["", *"abcdefgh"], "abcdefghi")
    )
    + b"---\n"
)


def test_billion_laughs_is_refused_by_the_node_budget() -> None:
    """10**9 leaves once expanded: refused after MAX_NODES nodes (a bound on the work done,
    which no wall clock has to confirm)."""
    assert BILLION_LAUGHS.count(b"&") == 9
    _, problems = parse(BILLION_LAUGHS, "f.md")
    assert [(p.line, p.code) for p in problems] == [(2, "E008")]
    assert str(MAX_NODES) in problems[0].message


def _header_of(nodes: int) -> bytes:
    """A header of exactly ``nodes`` nodes: the mapping, one list and its items."""
    return b"---\nl: [" + b", ".join([b"x"] * (nodes - 2)) + b"]\n---\n"


def test_the_node_budget_is_exactly_the_bound() -> None:
    """The budget counts nodes, not seconds: MAX_NODES pass, one more is refused."""
    parsed, problems = parse(_header_of(MAX_NODES), "f.md")
    assert problems == []
    assert parsed is not None and len(parsed.meta["l"]) == MAX_NODES - 2
    _, problems = parse(_header_of(MAX_NODES + 1), "f.md")
    assert [(p.line, p.code) for p in problems] == [(2, "E008")]


def test_recursive_alias_is_refused() -> None:
    _, problems = parse(b"---\na: &a [*a]\n---\n", "f.md")
    assert [(p.line, p.code) for p in problems] == [(2, "E008")]


def test_a_few_aliases_are_fine() -> None:
    parsed, problems = parse(b"---\na: &x [1, 2]\nb: *x\n---\n", "f.md")
    assert problems == []
    assert parsed is not None and parsed.meta == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    ("raw", "line", "tag"),
    [
        pytest.param(
            b"---\ntitle: x\ncmd: !!python/object/apply:os.system ls\n---\n",
            3,
            "python/object/apply:os.system",
            id="python-tag-on-scalar",
        ),
        pytest.param(
            b"---\ntitle: x\ncmd: !!python/object/apply:os.system [ls]\n---\n",
            3,
            "python/object/apply:os.system",
            id="python-tag-on-flow-sequence",
        ),
        pytest.param(
            b"---\ntitle: x\ncmd: !!python/object/apply:os.system\n  - ls\n---\n",
            3,
            "python/object/apply:os.system",
            id="python-tag-on-block-sequence",
        ),
        pytest.param(
            b"---\ntitle: x\nl:\n  - ok\n  - !!python/name:os.system ''\n---\n",
            5,
            "python/name:os.system",
            id="python-tag-in-list-item",
        ),
        pytest.param(b"---\ntitle: x\nb: !!binary aGVsbG8=\n---\n", 3, "binary", id="binary"),
        pytest.param(b"---\ntitle: x\ns: !!set {a, b}\n---\n", 3, "set", id="set"),
        pytest.param(
            b"---\ntitle: x\nbase: &b {k: 1}\nm:\n  <<: *b\n---\n", 5, "<<", id="merge-key"
        ),
        pytest.param(b"---\ntitle: x\n? [a]\n: b\n---\n", 3, "clé complexe", id="complex-key"),
    ],
)
def test_tags_are_refused(raw: bytes, line: int, tag: str) -> None:
    _, problems = parse(raw, "f.md")
    assert [(p.line, p.code) for p in problems] == [(line, "E009")]
    assert tag in problems[0].message


def test_file_too_large() -> None:
    raw = b"---\ntitle: x\n---\n" + b"a" * MAX_FILE_BYTES
    _, problems = parse(raw, "f.md")
    assert [(p.line, p.code) for p in problems] == [(1, "E010")]
    assert str(len(raw)) in problems[0].message and str(MAX_FILE_BYTES) in problems[0].message


def test_file_at_the_size_limit_is_accepted() -> None:
    head = b"---\ntitle: x\n---\n"
    raw = head + b"a" * (MAX_FILE_BYTES - len(head))
    assert len(raw) == MAX_FILE_BYTES
    parsed, problems = parse(raw, "f.md")
    assert problems == []
    assert parsed is not None and len(parsed.body) == MAX_FILE_BYTES - len(head)


def test_unclosed_header_points_at_the_last_line_of_the_file() -> None:
    """Regression (engine bug at d613165, fixed since): for a file ending with a newline E003 is
    reported one line past the end of the file (len(text.split('\n')) counts the empty
    string after the last newline)"""
    raw = b"---\ntitle: x\n"  # two lines
    assert codes_and_lines(raw) == [(2, "E003")]


# ------------------------------------------------------------------ parse_yaml (whole files)


def test_parse_yaml_lines_start_at_one() -> None:
    parsed, problems = parse_yaml(b"# comment\na:\n  b: 1\nc: [x, y]\n", "v.yml")
    assert problems == []
    assert parsed is not None
    assert parsed.meta == {"a": {"b": 1}, "c": ["x", "y"]}
    assert parsed.lines == {("a",): 2, ("a", "b"): 3, ("c",): 4, ("c", 0): 4, ("c", 1): 4}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: 1\nb: @x\nc: 2\n", [(2, "E005")]),
        (b"a: 1\na: 2\n", [(2, "E007")]),
        (b"a: !!python/object/apply:os.system [ls]\n", [(1, "E009")]),
        (b"a: \xe9\n", [(1, "E001")]),
    ],
)
def test_parse_yaml_refusals(raw: bytes, expected: list[tuple[int, str]]) -> None:
    parsed, problems = parse_yaml(raw, "v.yml")
    assert parsed is None
    assert [(p.line, p.code) for p in problems] == expected


def test_too_deep_nesting_is_told_in_french() -> None:
    _, problems = parse(b"---\ntitle: " + b"[" * 2000 + b"\n---\n", "x.md")
    assert [(p.line, p.code) for p in problems] == [(2, "E005")]
    assert "trop de niveaux imbriqués" in problems[0].message


def test_a_fence_followed_by_a_non_breaking_space_opens_no_header() -> None:
    """MkDocs only accepts spaces and tabs after « --- »: capi reads the same way."""
    _, problems = parse("---\u00a0\ntitle: x\n---\n".encode(), "x.md")
    assert [p.code for p in problems] == ["E002"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("05212", "05212", id="leading-zero-is-text-not-octal"),
        pytest.param("yes", "yes", id="yes-is-text"),
        pytest.param("Non", "Non", id="no-is-text"),
        pytest.param("12:30", "12:30", id="no-sexagesimal"),
        pytest.param("2026-06-31", "2026-06-31", id="impossible-date-left-to-the-date-field"),
        pytest.param("true", True, id="true"),
        pytest.param("42", 42, id="decimal"),
        pytest.param("3.5", 3.5, id="float"),
        pytest.param('"05212"', "05212", id="quoted"),
    ],
)
def test_scalars_are_read_as_yaml_1_2_as_the_web_editor_writes_them(text, value) -> None:
    """YAML 1.1 (PyYAML's default) read 05212 as the octal 2698, yes as True, 12:30 as 750."""
    parsed, problems = parse(f"---\nvaleur: {text}\n---\n".encode(), "f.md")
    assert problems == [] and parsed is not None
    assert parsed.meta["valeur"] == value and type(parsed.meta["valeur"]) is type(value)


@pytest.mark.parametrize("value", ["1" + "0" * 398, "!!int 0x" + "f" * 4000])
def test_numbers_too_large_to_print_are_refused(value: str) -> None:
    """Python refuses to print an int of more than 4,300 digits, or to make a float of 10**398."""
    _, problems = parse(f"---\nbudget: {value}\n---\n".encode(), "f.md")
    assert [(p.line, p.code) for p in problems] == [(2, "E005")]
    assert "nombre trop grand" in problems[0].message


@pytest.mark.parametrize("value", ["!!bool peut-etre", "!!timestamp nope", ".inf", ".nan"])
def test_values_no_constructor_can_read_are_problems(value: str) -> None:
    _, problems = parse(f"---\nx: {value}\n---\n".encode(), "f.md")
    assert [(p.line, p.code) for p in problems] == [(2, "E005")]


def test_a_hash_glued_to_a_word_warns_on_its_line_unless_yaml_counts_lines_otherwise():
    parsed, problems = parse(b"---\nformat: atelier\ntitle: Atelier #3\n---\n", "f.md")
    assert problems == [] and parsed.meta["title"] == "Atelier"
    assert [(w.line, w.code) for w in parsed.warnings] == [(3, "W005")]
    # U+0085 breaks a line for YAML, not for the header's rows: no crash, no misplaced warning
    raw = "---\nresume: a\x85  b\nformat: atelier\ntitle: Atelier #3\n---\n".encode()
    parsed, problems = parse(raw, "f.md")
    assert problems == [] and parsed.warnings == []
