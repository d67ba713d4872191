"""Publishing never breaks what readers have: ``make build`` swaps a finished site in, ``make serve`` keeps
serving the last good data while an edit has problems."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from support.project import BUILD_ENV, copy_project, edit, mkdocs_build

VENV = Path(sys.prefix)


def digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_build(project: Path, site: Path) -> subprocess.Popen[str]:
    command = ["make", "-s", "-C", str(project), "build", f"VENV={VENV}", f"SITE={site}"]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=BUILD_ENV, start_new_session=True
    )


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A copy of the project, its site built once with ``make build``, and the digest of that site."""
    project, site = copy_project(tmp_path), tmp_path / "out" / "site"
    build = make_build(project, site)
    assert build.wait(timeout=120) == 0, build.stdout.read() if build.stdout else ""
    return project, site, digest(site)


def test_a_successful_build_replaces_the_site_and_leaves_nothing_beside_it(published) -> None:
    project, site, before = published
    edit(project / "docs" / "about.md", "# About", "# About this site")
    build = make_build(project, site)
    assert build.wait(timeout=120) == 0
    assert digest(site) != before and "about/index.html" in digest(site)
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]


def test_a_build_that_fails_after_writing_leaves_the_site_byte_identical(published) -> None:
    project, site, before = published
    # a broken link in a hand-written page: MkDocs writes every page, then --strict fails the build
    edit(project / "docs" / "about.md", "# About", "# About\n\nSee [nothing](nothing.md).")
    build = make_build(project, site)
    output = build.communicate(timeout=120)[0]
    assert build.returncode != 0 and "nothing.md" in output
    assert digest(site) == before


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["interrupted", "crashed"])
def test_a_build_stopped_halfway_leaves_the_site_byte_identical(published, sig: signal.Signals) -> None:
    project, site, before = published
    edit(project / "docs" / "about.md", "# About", "# About this site")
    build = make_build(project, site)
    partial = site.parent / "site.new"
    deadline = time.monotonic() + 60
    while not (partial.is_dir() and any(partial.rglob("*.html"))):  # the new site is half written
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.005)
    os.killpg(build.pid, sig)
    build.wait(timeout=60)
    assert build.returncode != 0
    assert digest(site) == before


# -- make serve ----------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page at ``url``, less the live-reload script's build stamps."""
    with urllib.request.urlopen(url, timeout=10) as response:  # a hung server fails the test here
        return re.sub(r"livereload\(\d+, \d+\)", "livereload()", response.read().decode("utf-8"))


def wait_for(condition, what: str, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_serve_keeps_serving_the_last_good_site_while_the_data_has_problems(tmp_path: Path) -> None:
    project, port = copy_project(tmp_path), free_port()
    command = [str(VENV / "bin" / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=project, env=BUILD_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stdout or []), daemon=True).start()
    url = f"http://127.0.0.1:{port}/aspects/overview/"
    aspect = project / "data" / "aspects" / "overview.yml"
    try:
        wait_for(lambda: "Serving on" in "".join(log), "the first build")
        first = fetch(url)
        edit(aspect, "title: ", "titel: ")
        wait_for(lambda: "Serving the last version" in "".join(log), "the failed rebuild")
        assert "data/aspects/overview.yml" in "".join(log) and "unknown field 'titel'" in "".join(log)
        assert fetch(url) == first  # answered at once, with the last good site
        edit(aspect, "titel: ", "title: Renamed overview, ")
        wait_for(lambda: "Renamed overview" in fetch(url), "the fixed data to be served")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_kits_strict_build_fails_on_a_warning(tmp_path: Path) -> None:
    # MkDocs 1.6 with --quiet drops warnings before --strict counts them: the kit must not be quiet
    project = copy_project(tmp_path)
    edit(project / "docs" / "about.md", "# About", "# About\n\nSee [nothing](nothing.md).")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "nothing.md" in result.stderr
