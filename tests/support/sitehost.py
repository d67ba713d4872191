"""The site as a reader gets it: served on 127.0.0.1 the way a static host does (gzip for text), every page
type by its address, the screen sizes, and the browser that opens them."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from sitegen import addresses as at

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}

# Debian's Chromium (Playwright cannot download its own browsers here) and the flags it runs with headless.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PAGE_TYPES = {
    "home": at.url_of(at.HOME_PAGE),
    "aspect": at.url_of(at.aspect_page("overview")),
    "summary": at.url_of(at.SUMMARY_PAGE),
    "faq": at.url_of(at.FAQ_PAGE),
    "decision-guide": at.url_of(at.aspect_page("decision-guide")),
    "whats-new": at.url_of(at.NEWS_PAGE),
    "about": at.url_of("about.md"),
    "404": "no-such-page/",
}
"""Every page type of the site, by its address under the base URL (the last one is missing: the host
answers it with the 404 page)."""


def page_file(site_dir: Path, url_path: str) -> Path:
    """The file a static host answers an address under the base URL with (``aspects/x/`` -> its index.html,
    a missing page's address -> the 404 page; a missing file stays missing)."""
    path = site_dir / url_path.lstrip("/")
    if not url_path.endswith("/") and url_path:
        return path
    return path / "index.html" if (path / "index.html").exists() else site_dir / "404.html"


VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
"""The screens every page is tried on."""


class _StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Files from the site folder; text compressed with gzip when the client accepts it, as hosts do."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]  # returns a file-like body, or None, as the base does
        path = Path(self.translate_path(self.path))
        missing = Path(self.directory) / "404.html"
        if not path.exists() and missing.is_file():  # as static hosts do: the site's 404 page, with its status
            body = missing.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts_gzip or path.suffix not in COMPRESSIBLE or not path.is_file():
            return super().send_head()
        stat = path.stat()
        body = _compressed(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


@functools.lru_cache(maxsize=256)
def _compressed(path: Path, mtime_ns: int, size: int) -> bytes:
    """``path`` gzipped, once per version of the file (its time and size are part of the key)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class _Body:
    """A file-like body for ``SimpleHTTPRequestHandler.do_GET``."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        self.data = b""


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free port of 127.0.0.1; yields the base URL (ending in /)."""
    handler = functools.partial(_StaticHostHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
