"""Organisers may allow image hosts in vocabulaires.yml; every other host stays refused."""

from __future__ import annotations

import shutil

from macros.content.corpus import load_corpus
from tests.conftest import ROOT


def _repo(tmp_path, hosts: str):
    shutil.copytree(ROOT / "sessions", tmp_path / "sessions")
    text = (ROOT / "vocabulaires.yml").read_text("utf-8").replace("hotes_images: []", hosts)
    (tmp_path / "vocabulaires.yml").write_text(text, encoding="utf-8")
    seance = sorted((tmp_path / "sessions").glob("01-*"))[0]
    (seance / "images.md").write_text(
        "---\ntitle: Images\nformat: atelier\n---\n\n![a](https://images.exemple.fr/a.png)\n\n"
        "![b](https://ailleurs.exemple.org/b.png)\n",
        encoding="utf-8",
    )
    return tmp_path


def _image_problems(corpus):
    return [(p.line, p.code) for p in corpus.problems if p.path.endswith("images.md")]


def test_no_host_is_allowed_by_default(tmp_path):
    assert _image_problems(load_corpus(_repo(tmp_path, "hotes_images: []"))) == [
        (6, "E029"),
        (8, "E029"),
    ]


def test_an_allowed_host_passes_and_others_do_not(tmp_path):
    corpus = load_corpus(_repo(tmp_path, "hotes_images: [images.exemple.fr]"))
    assert _image_problems(corpus) == [(8, "E029")]


def test_a_malformed_host_list_is_reported_on_its_line(tmp_path):
    corpus = load_corpus(_repo(tmp_path, "hotes_images: pas une liste"))
    assert [p.code for p in corpus.problems if p.path == "vocabulaires.yml"] == ["E012"]
