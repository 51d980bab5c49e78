"""The PDF booklet reads the built site and nothing else: no file of the machine, no
request to a server, no attachment (WeasyPrint would otherwise do all three)."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.outputs.booklet import render_pdf

# a 1×1 PNG
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class _Recorder(http.server.SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - name imposed by http.server
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PIXEL)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def server():
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_booklet_reads_only_the_built_site(tmp_path, server):
    site = tmp_path / "site"
    (site / "img").mkdir(parents=True)
    (site / "img" / "ici.png").write_bytes(PIXEL)
    outside = tmp_path / "secret.txt"
    outside.write_text("SECRET-DE-LA-MACHINE")
    (site / "img" / "lien.png").symlink_to(outside)
    document = (
        '<!doctype html><html><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{server}/feuille.css">'
        f'<link rel="attachment" href="{outside.as_uri()}">'
        f"<style>@import url({server}/import.css); body {{ background: url({server}/fond.png) }}"
        "</style></head><body><p>Livret</p>"
        '<img src="img/ici.png" alt="">'
        f'<img src="{server}/pixel.png" alt="">'
        f'<img src="{outside.as_uri()}" alt="">'
        '<img src="img/lien.png" alt="">'
        f'<a rel="attachment" href="{outside.as_uri()}">pièce jointe</a>'
        f'<a rel="attachment" href="{server}/piece.txt">pièce jointe distante</a>'
        "</body></html>"
    )
    out = tmp_path / "livret.pdf"
    render_pdf(document, site, out)
    assert _Recorder.requests == []
    reader = PdfReader(out)
    raw = out.read_bytes()
    assert reader.attachments == {} and b"/EmbeddedFile" not in raw
    assert b"SECRET-DE-LA-MACHINE" not in raw
    assert "Livret" in reader.pages[0].extract_text()
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1  # img/ici.png, the only file of the site


def test_the_same_document_without_the_guard_would_leak(tmp_path, server):
    """The test above can fail: WeasyPrint's own fetcher does request and embed."""
    from weasyprint import HTML

    outside = tmp_path / "secret.txt"
    outside.write_text("SECRET-DE-LA-MACHINE")
    document = (
        f'<img src="{server}/pixel.png" alt="">'
        f'<a rel="attachment" href="{outside.as_uri()}">pièce jointe</a>'
    )
    out = tmp_path / "naif.pdf"
    HTML(string=document, base_url=str(Path(tmp_path)) + "/").write_pdf(out)
    assert _Recorder.requests == ["/pixel.png"]
    assert b"/EmbeddedFile" in out.read_bytes()
