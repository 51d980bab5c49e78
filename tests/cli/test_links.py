"""``capi liens``: lists external links with their line; --verifier tests them (here against a
local server: the tests never use the network)."""

from __future__ import annotations

import functools
import http.server
import threading

from tests.conftest import run_capi


def _write_report(repo, base: str):
    seance = sorted((repo / "sessions").glob("01-*"))[0]
    (seance / "liens.md").write_text(
        "---\ntitle: Liens\nformat: atelier\nressources:\n"
        f"  - titre: Guide\n    url: {base}ok.html\n---\n\n"
        f"Voir [la page]({base}absent.html).\n\n`{base}dans-du-code`\n",
        encoding="utf-8",
    )
    return seance.name


def test_lists_external_links_with_their_line(repo_copy):
    folder = _write_report(repo_copy, "https://exemple.invalid/")
    result = run_capi("liens", cwd=repo_copy)
    assert result.returncode == 0
    assert f"sessions/{folder}/liens.md:6: https://exemple.invalid/ok.html" in result.stdout
    assert f"sessions/{folder}/liens.md:9: https://exemple.invalid/absent.html" in result.stdout
    assert "dans-du-code" not in result.stdout
    assert "--verifier" in result.stdout


def test_verifier_reports_broken_links_and_exits_1(repo_copy, tmp_path):
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "ok.html").write_text("ok", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path / "www"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        _write_report(repo_copy, base)
        # keep only our two links: the repository's own links would need the network
        for path in [
            *repo_copy.glob("sessions/*/*.md"),
            *repo_copy.glob("territories/*/*.md"),
            *repo_copy.glob("docs/pratiques/*.md"),
        ]:
            text = path.read_text("utf-8")
            if "https://" in text and "liens.md" not in path.name:
                path.write_text(text.replace("https://", "urn:x-"), encoding="utf-8")
        result = run_capi("liens", "--verifier", cwd=repo_copy)
    finally:
        server.shutdown()
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{base}ok.html — ok (200)" in result.stdout
    assert f"{base}absent.html — erreur 404" in result.stdout
    assert "1 lien(s) en erreur" in result.stdout
