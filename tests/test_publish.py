"""Publishing never breaks what readers have: ``make build`` builds one at a time into a fresh folder and swaps
it in with one rename (``hooks/release.py``); nothing a checkout carries is followed, read or run; ``make serve``
keeps serving the last good data while an edit has problems.

Every test that stops a build stops it at a named step (the fault hook ``RELEASE_PAUSE_AT``): the build says
``paused at STEP`` and waits, so nothing here depends on timing."""

from __future__ import annotations

import hashlib
import os
import pickle
import queue
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tarfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import release
from release import BUILDS, LOCK, PAUSE, STEPS
from support.project import (
    BUILD_ENV,
    CONFIG,
    FIXTURE,
    copy_project,
    digest,
    edit,
    forged_pickle,
    mkdocs_build,
    planted_fault,
    with_absolute_hook,
)

VENV = Path(sys.prefix)
SWAPPED = STEPS.index("swapped")
"""Steps from here on find the new site published; before it, the previous one."""
TIMEOUT = 120.0
"""A safety net for a hung process; no test waits on it for an event."""


RUNNING: list[subprocess.Popen[str]] = []


@pytest.fixture(autouse=True)
def no_build_left_running() -> Iterator[None]:
    """A test that fails while a build is paused must not leave it waiting for ever."""
    yield
    while RUNNING:
        process = RUNNING.pop()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=TIMEOUT)


class Output:
    """What a process prints, read as it comes: :meth:`wait_for` blocks until a line holds a text."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout or []:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, text: str) -> str:
        """Read on until a line holds ``text`` and return it; fails if the process ends first."""
        while (line := self._queue.get(timeout=TIMEOUT)) is not None:
            self.lines.append(line)
            if text in line:
                return line
        raise AssertionError(f"the process ended without saying {text!r}:\n{self.output}")

    def finish(self) -> int:
        """Wait for the process to end, reading the rest of its output; return its exit code."""
        code = self.process.wait(timeout=TIMEOUT)
        while (line := self._queue.get(timeout=TIMEOUT)) is not None:
            self.lines.append(line)
        return code

    @property
    def output(self) -> str:
        return "".join(self.lines)


WITH_CTRL_C = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp('make', sys.argv[1:])"
"""Runs ``make ARGS`` with Ctrl-C's default action restored: a test run started in the background of a script
inherits SIGINT ignored, and so would every build it starts, which no Ctrl-C could then interrupt."""


class Build(Output):
    """A ``make build`` (or ``make publish``) running in its own process group."""

    def __init__(self, project: Path, site: Path, *, pause: str = "", target: str = "build", **make: str) -> None:
        variables = [f"VENV={VENV}", f"SITE={site}", *(f"{key}={value}" for key, value in make.items())]
        env = {**BUILD_ENV, PAUSE: pause} if pause else BUILD_ENV
        process = subprocess.Popen(
            [sys.executable, "-c", WITH_CTRL_C, "make", "-s", "-C", str(project), target, *variables],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            start_new_session=True,
        )
        RUNNING.append(process)
        super().__init__(process)
        self.paused: int | None = None

    def wait_for(self, text: str) -> str:
        """As :meth:`Output.wait_for`; a build that says it paused also says its process, which :meth:`resume`
        signals."""
        line = super().wait_for(text)
        paused = re.search(r"paused at \w+, process (\d+)", line)
        self.paused = int(paused.group(1)) if paused else None
        return line

    def resume(self) -> None:
        """Let the paused build go on (the signal goes to it alone: the shell that make runs it in would die of it)."""
        assert self.paused is not None, "the build has not paused"
        os.kill(self.paused, signal.SIGUSR1)

    def signal(self, number: signal.Signals) -> None:
        os.killpg(self.process.pid, number)


def make_build(project: Path, site: Path, **options: str) -> tuple[int, str]:
    build = Build(project, site, **options)
    return build.finish(), build.output


def whole_files(site: Path) -> dict[str, str]:
    """The files behind a published link to one of our builds."""
    assert site.is_symlink(), f"{site} is not a link"
    target = Path(os.readlink(site))
    assert not target.is_absolute() and target.parent.name == site.name + BUILDS, target
    return digest(site)


PAGE = "faq/index.html"
"""A page of every site the tests build: a whole site has it."""
SOURCE, HEADING = "docs/index.md", "# Made-up tools"
"""A hand-written page of the small project, and its heading, which tests edit so that the next build differs."""


def small_project(folder: Path) -> Path:
    """This project's Makefile, hooks, overrides and requirements, with the three-tool fixture's data, pages and
    settings (hand-made builds still go to the project's site_dir): the release steps are the same for any
    site, and this one builds in about half the time of the real one."""
    project = copy_project(folder)
    for name in ("data", "docs"):
        shutil.rmtree(project / name)
        shutil.copytree(FIXTURE / name, project / name)
    config = with_absolute_hook((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))
    by_hand = re.search(r"(?m)^site_dir: .*\n", CONFIG.read_text(encoding="utf-8"))
    assert by_hand is not None, "mkdocs.yml sets no site_dir"
    (project / "mkdocs.yml").write_text(config + by_hand.group(0), encoding="utf-8")
    return project


def whole(site: Path) -> dict[str, str]:
    """The published site's files, checked to be a whole site behind a link to one of our builds."""
    files = whole_files(site)
    assert {"index.html", "404.html", "search/search_index.json"} <= files.keys()
    return files


def leftovers(site: Path) -> list[str]:
    """What lies beside the published link, and in its folder of builds, besides the current build, the one
    it replaced and the lock."""
    beside = sorted(entry.name for entry in site.parent.iterdir() if entry.name not in (site.name, site.name + BUILDS))
    builds = site.parent / (site.name + BUILDS)
    kept = {Path(os.readlink(site)).name, LOCK}
    inside = sorted(entry.name for entry in builds.iterdir() if entry.name not in kept)
    return beside + [name for name in inside if not name.isdigit()] + inside[1:]  # at most one previous build


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project and its site built once with ``make build``, then its home page retitled, so that the
    next build's site differs."""
    folder = tmp_path_factory.mktemp("published")
    project, site = small_project(folder), folder / "out" / "site"
    code, output = make_build(project, site)
    assert code == 0, output
    edit(project / SOURCE, HEADING, f"{HEADING}, again")
    return folder


@pytest.fixture
def published(first_build: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A copy of :func:`first_build` of the test's own (its link copied as a link), and the digest of its site."""
    folder = tmp_path / "published"
    shutil.copytree(first_build, folder, symlinks=True)
    site = folder / "out" / "site"
    return folder / "project", site, whole(site)


def test_a_build_swaps_in_the_new_site_and_keeps_only_the_one_it_replaced(published) -> None:
    project, site, before = published
    first = os.readlink(site)
    assert make_build(project, site)[0] == 0
    after = whole(site)
    assert after != before and PAGE in after
    assert digest(site.parent / first) == before  # kept for requests still reading it
    assert leftovers(site) == []
    edit(project / SOURCE, f"{HEADING}, again", f"{HEADING}, once more")
    assert make_build(project, site)[0] == 0
    assert not (site.parent / first).exists() and leftovers(site) == []


def test_a_build_that_fails_after_writing_leaves_the_site_byte_identical(published) -> None:
    project, site, before = published
    link = os.readlink(site)
    # a broken link in a hand-written page: MkDocs writes every page, then --strict fails the build
    edit(project / SOURCE, HEADING, f"{HEADING}\n\nSee [nothing](nothing.md).")
    code, output = make_build(project, site)
    assert code != 0 and "nothing.md" in output and "the build failed" in output
    assert os.readlink(site) == link and whole(site) == before
    assert leftovers(site) == []


def test_at_every_step_the_site_is_whole_and_a_kill_there_leaves_it_so(published) -> None:
    project, site, before = published
    after: dict[str, str] | None = None
    for index, step in enumerate(STEPS):
        build = Build(project, site, pause=step)
        build.wait_for(f"paused at {step}")
        during = whole(site)
        if index < SWAPPED:
            assert during == before, step
        else:
            after = after or during
            assert during == after != before, step
        build.signal(signal.SIGKILL)
        assert build.finish() != 0
        assert whole(site) == during, step
    assert make_build(project, site)[0] == 0  # the next build clears what the killed ones left
    assert whole(site) == after and leftovers(site) == []


@pytest.mark.parametrize("step", ["settled", "built"])
def test_an_interrupted_build_cleans_up_and_leaves_the_site_byte_identical(published, step: str) -> None:
    project, site, before = published
    build = Build(project, site, pause=step)
    build.wait_for(f"paused at {step}")
    build.signal(signal.SIGINT)  # Ctrl-C: the whole process group
    assert build.finish() != 0
    assert "interrupted" in build.output
    assert whole(site) == before and leftovers(site) == []


def test_a_second_build_waits_for_the_first_and_both_publish_whole_sites(published) -> None:
    project, site, before = published
    first = Build(project, site, pause="settled")
    first.wait_for("paused at settled")
    second = Build(project, site)
    second.wait_for("waiting for another build")
    assert whole(site) == before
    first.resume()
    assert first.finish() == 0, first.output
    assert second.finish() == 0, second.output
    assert whole(site) != before and leftovers(site) == []


def test_a_build_that_waits_too_long_fails_with_a_message_and_changes_nothing(published) -> None:
    project, site, before = published
    first = Build(project, site, pause="locked")
    first.wait_for("paused at locked")
    code, output = make_build(project, site, BUILD_WAIT="0.5")
    assert code != 0 and "still holds" in output and "BUILD_WAIT" in output
    assert whole(site) == before
    first.resume()
    assert first.finish() == 0


def test_builds_started_together_both_succeed_and_publish_a_whole_site(published) -> None:
    project, site, _ = published
    watching, missing = True, []

    def watch() -> None:  # a smoke check on top of the stepped tests: the site's home page never goes missing
        while watching:
            if not (site / "index.html").is_file():
                missing.append(time.monotonic())
            time.sleep(0.0005)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    builds = [Build(project, site) for _ in range(2)]
    codes = [build.finish() for build in builds]
    watching = False
    watcher.join()
    assert codes == [0, 0], [build.output for build in builds]
    assert missing == []
    assert PAGE in whole(site) and leftovers(site) == []


def test_a_site_folder_from_before_is_converted_once_and_never_missing(tmp_path: Path) -> None:
    project, site = small_project(tmp_path), tmp_path / "out" / "site"
    site.mkdir(parents=True)
    result = mkdocs_build(project / "mkdocs.yml", site)  # as the build before links made it: a real folder
    assert result.returncode == 0, result.stderr
    before = digest(site)
    build = Build(project, site, pause="copied")  # the folder copied into the builds, not yet exchanged
    build.wait_for("paused at copied")
    assert not site.is_symlink() and digest(site) == before
    build.signal(signal.SIGKILL)
    build.finish()
    assert not site.is_symlink() and digest(site) == before
    resumed = Build(project, site, pause="settled")  # the next build converts it again: one exchange
    resumed.wait_for("paused at settled")
    assert whole(site) == before
    resumed.resume()
    assert resumed.finish() == 0
    assert whole(site) == before  # the same pages, now a build of our own
    assert sorted(entry.name for entry in site.parent.iterdir()) == ["site", "site.builds"]


def _built_folder(site: Path) -> dict[str, str]:
    """A stand-in for a site built before links: a real folder with the files a conversion looks for."""
    site.mkdir(parents=True)
    for name in ("index.html", "sitemap.xml", "about/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"<p>{name}</p>", encoding="utf-8")
    return digest(site)


def test_where_names_cannot_be_exchanged_two_renames_convert_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    before = _built_folder(site)
    monkeypatch.setattr(release, "exchange", lambda first, second: False)
    builds = release.builds_of(site)
    with release.locked(builds, 1):
        release.settle(site, builds)
    assert whole_files(site) == before
    assert sorted(entry.name for entry in builds.iterdir()) == [LOCK, "1"]


def test_a_folder_that_is_not_a_built_site_is_never_converted(tmp_path: Path) -> None:
    site = tmp_path / "docs"
    site.mkdir()
    (site / "index.md").write_text("# Sources, not a site", encoding="utf-8")
    builds = release.builds_of(site)
    with release.locked(builds, 1), pytest.raises(release.ReleaseError, match="not a built site"):
        release.settle(site, builds)
    assert digest(site) == {"index.md": hashlib.sha256(b"# Sources, not a site").hexdigest()}


def test_a_missing_site_is_relinked_only_to_a_real_build(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside"
    outside.mkdir()
    builds = release.builds_of(site)
    builds.mkdir()
    (builds / "98").mkdir()
    (builds / "98" / "index.html").write_text("a build", encoding="utf-8")
    (builds / "99").symlink_to(outside, target_is_directory=True)  # newer by name, but a link
    (builds / "100").write_text("a file", encoding="utf-8")
    with release.locked(builds, 1):
        release.settle(site, builds)
    assert os.readlink(site) == "site.builds/98"


@pytest.mark.parametrize(
    "name",
    [".", "/", "project", "site.builds", "site.builds/7", "site/inside"],
    ids=["dot", "root", "project", "the-builds", "in-builds", "through"],
)
def test_a_published_name_that_would_take_the_project_or_a_build_is_refused(
    published, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project, site, before = published
    out = project.parent / "out"
    given = {".": str(project), "/": "/", "project": str(project)}.get(name, str(out / name))
    listing = sorted(path.name for path in project.iterdir())
    code = release.main(["build", "--site", given, "--config", str(project / "mkdocs.yml"), "--wait", "1"])
    assert code == 1 and "Traceback" not in capsys.readouterr().err
    assert sorted(path.name for path in project.iterdir()) == listing and whole(site) == before


def test_a_builds_cleanup_takes_only_its_own_leftovers_beside_the_site(tmp_path: Path) -> None:
    link = tmp_path / ".site.link-12345"  # a link of a build of "site" that was stopped: not ours to take
    link.symlink_to("site.builds/1")
    neighbour = tmp_path / ".site.link-prod"  # another site, published under a name that starts like ours
    neighbour.symlink_to(".site.link-prod.builds/1")
    for other in ("s?te", "sit*"):  # names that are glob patterns matching "site"
        builds = release.builds_of(tmp_path / other)
        with release.locked(builds, 1):
            release.settle(tmp_path / other, builds)
    assert link.is_symlink()
    left = tmp_path / ".site.link-777"  # the old folder a conversion stopped after its exchange leaves
    left.mkdir()
    (left / "index.html").write_text("the old site", encoding="utf-8")
    builds = release.builds_of(tmp_path / "site")
    with release.locked(builds, 1):
        release.settle(tmp_path / "site", builds)
    assert not os.path.lexists(link) and not os.path.lexists(left)
    assert neighbour.is_symlink()


@pytest.mark.parametrize("odd", ["pipe", "nesting"])
def test_a_folder_holding_what_no_built_site_holds_is_never_copied(tmp_path: Path, odd: str) -> None:
    site = tmp_path / "site"
    before = _built_folder(site)
    if odd == "pipe":  # a device or a pipe would be read without end
        os.mkfifo(site / "about" / "pipe")
    else:  # the copy recurses once per level
        (site / "/".join(["a"] * 70)).mkdir(parents=True)
    listing = sorted(str(path.relative_to(site)) for path in site.rglob("*"))
    builds = release.builds_of(site)
    with release.locked(builds, 1), pytest.raises(release.ReleaseError, match="not a built site"):
        release.settle(site, builds)
    assert sorted(str(path.relative_to(site)) for path in site.rglob("*")) == listing
    assert digest(site) == before and sorted(entry.name for entry in builds.iterdir()) == [LOCK]


def test_the_folder_of_builds_follows_each_builds_umask(tmp_path: Path) -> None:
    builds = release.builds_of(tmp_path / "site")
    for mask, mode in ((0o077, 0o700), (0o022, 0o755)):
        previous = os.umask(mask)
        try:
            with release.locked(builds, 1):
                pass
        finally:
            os.umask(previous)
        assert stat.S_IMODE(builds.stat().st_mode) == mode


def test_a_plain_mkdocs_build_by_hand_never_writes_into_the_published_site(published) -> None:
    project, site, before = published
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, env=BUILD_ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert whole(site) == before
    assert (project / "site.by-hand" / "index.html").is_file()


# -- what a checkout carries is never followed, read or run --------------------------------------------------


def test_a_folder_of_builds_that_is_a_link_is_refused_and_nothing_is_written_through_it(tmp_path: Path) -> None:
    project, site = small_project(tmp_path), tmp_path / "out" / "site"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the site's", encoding="utf-8")
    site.parent.mkdir()
    (site.parent / "site.builds").symlink_to(outside, target_is_directory=True)
    code, output = make_build(project, site)
    assert code != 0 and "never written through a link" in output
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert not os.path.lexists(site)


@pytest.mark.parametrize("kind", ["link to a folder", "dangling link", "file"])
def test_a_site_that_is_not_ours_is_never_written_through(tmp_path: Path, kind: str) -> None:
    project, site = small_project(tmp_path), tmp_path / "out" / "site"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "index.html").write_text("someone else's", encoding="utf-8")
    site.parent.mkdir()
    if kind == "file":
        site.write_text("a file", encoding="utf-8")
    else:
        site.symlink_to(outside if kind == "link to a folder" else tmp_path / "nowhere")
    code, output = make_build(project, site)
    assert digest(outside) == {"index.html": hashlib.sha256(b"someone else's").hexdigest()}
    if kind == "file":
        assert code != 0 and "is a file" in output and site.read_text(encoding="utf-8") == "a file"
    else:
        assert code == 0, output
        assert PAGE in whole(site)  # the link was replaced, its target left alone


def test_links_and_odd_names_planted_among_the_builds_are_removed_never_followed(published, tmp_path: Path) -> None:
    project, site, _ = published
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the site's", encoding="utf-8")
    builds = site.parent / ("site" + BUILDS)
    (builds / "99").symlink_to(outside, target_is_directory=True)  # a "newer build" that is a link
    (builds / ".partial-planted").symlink_to(outside, target_is_directory=True)
    (builds / "²").write_text("a digit to str.isdigit, not to int", encoding="utf-8")
    code, output = make_build(project, site)
    assert code == 0, output
    assert PAGE in whole(site) and os.readlink(site) == "site.builds/100"
    assert digest(outside) == {"keep.txt": hashlib.sha256(b"not the site's").hexdigest()}
    assert not os.path.lexists(builds / "99") and not os.path.lexists(builds / ".partial-planted")


def test_a_lock_file_that_is_a_link_is_refused(tmp_path: Path) -> None:
    project, site = small_project(tmp_path), tmp_path / "out" / "site"
    target = tmp_path / "elsewhere.txt"
    target.write_text("untouched", encoding="utf-8")
    (site.parent / "site.builds").mkdir(parents=True)
    (site.parent / "site.builds" / LOCK).symlink_to(target)
    code, output = make_build(project, site)
    assert code != 0 and LOCK in output and "Traceback" not in output
    assert target.read_text(encoding="utf-8") == "untouched"


def _plant_cache(project: Path, proof: Path) -> None:
    """What a pull request could add: the cache file that builds once read, forged."""
    forged = pickle.dumps({"data/faq/forged.yml": (b"0" * 32, forged_pickle(proof))})
    cache = project / ".cache" / "sitegen"
    cache.mkdir(parents=True)
    (cache / "checked.pickle").write_bytes(b"sitegen checked-files cache 1\n" + b"0" * 64 + b"\n" + forged)


def test_a_forged_cache_in_a_checkout_is_never_read(tmp_path: Path, built_site: Path) -> None:
    project, site = copy_project(tmp_path), tmp_path / "out" / "site"
    proof = tmp_path / "unpickled"
    _plant_cache(project, proof)
    before = digest(project / ".cache")
    code, output = make_build(project, site)
    assert code == 0, output
    assert not proof.exists() and digest(project / ".cache") == before
    assert whole(site) == digest(built_site)  # byte for byte what the data alone gives
    check = subprocess.run(
        ["make", "-s", "-C", str(project), "check", f"VENV={VENV}"], capture_output=True, env=BUILD_ENV
    )
    assert check.returncode == 0 and not proof.exists()


def _git(project: Path, *args: str) -> None:
    identity = ["-c", "user.name=Contributor", "-c", "user.email=contributor@example.org"]
    subprocess.run(["git", *identity, *args], cwd=project, check=True, capture_output=True)


@pytest.mark.parametrize(
    "planted", [".cache/sitegen/checked.pickle", "hooks/sitegen/__pycache__/model.cpython-311.pyc", ".venv/bin/python"]
)
def test_a_checkout_that_tracks_ignored_files_is_refused_before_anything_runs(tmp_path: Path, planted: str) -> None:
    project = copy_project(tmp_path)
    shutil.copy2(Path(__file__).parents[1] / ".gitignore", project / ".gitignore")
    (project / planted).parent.mkdir(parents=True, exist_ok=True)
    (project / planted).write_bytes(b"forged")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "add", "-f", planted)
    _git(project, "commit", "-q", "-m", "a pull request")
    for target in ("check", "build"):
        result = subprocess.run(
            ["make", "-s", "-C", str(project), target, f"VENV={VENV}", f"SITE={tmp_path / 'site'}"],
            capture_output=True,
            text=True,
            env=BUILD_ENV,
        )
        assert result.returncode != 0, target
        assert planted in result.stdout and "must not carry" in result.stdout, result.stdout
    assert not os.path.lexists(tmp_path / "site")


# -- where the site goes: rsync, the Pages upload ----------------------------------------------------------


def test_publish_copies_the_new_build_to_its_destination(tmp_path: Path) -> None:
    project, site = copy_project(tmp_path), tmp_path / "out" / "site"  # the real settings: SITE_URL is read
    dest = tmp_path / "copy"
    dest.mkdir()
    (dest / "stale.html").write_text("gone after the copy", encoding="utf-8")
    code, output = make_build(project, site, target="publish", SITE_URL="https://example.org/kvt/", DEST=f"{dest}/")
    assert code == 0, output
    assert digest(dest) == whole(site)
    canonical = BeautifulSoup((dest / "about" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert canonical.find("link", rel="canonical")["href"] == "https://example.org/kvt/about/"


def test_the_pages_upload_archives_the_files_behind_the_link(published, tmp_path: Path) -> None:
    _, site, before = published
    archive = tmp_path / "artifact.tar"
    # the archive step of actions/upload-pages-artifact (v3), on the path the workflow gives it
    command = ["tar", "--dereference", "--hard-dereference", "--directory", str(site), "-cf", str(archive)]
    subprocess.run([*command, "--exclude=.git", "--exclude=.github", "."], check=True)
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
        assert not [m.name for m in members if m.issym() or m.islnk()]
        files = {
            m.name.removeprefix("./"): hashlib.sha256(tar.extractfile(m).read()).hexdigest()  # type: ignore[union-attr]
            for m in members
            if m.isfile()
        }
    assert files == before


# -- make serve ----------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page at ``url``, less the live-reload script's build stamps."""
    with urllib.request.urlopen(url, timeout=10) as response:  # a hung server fails the test here
        return re.sub(r"livereload\(\d+, \d+\)", "livereload()", response.read().decode("utf-8"))


def test_serve_keeps_serving_the_last_good_site_while_the_data_has_problems(tmp_path: Path) -> None:
    project, port = copy_project(tmp_path), free_port()
    with planted_fault(project):  # inert until an aspect's title sets it off
        command = [str(VENV / "bin" / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"]
        server = subprocess.Popen(
            command, cwd=project, env=BUILD_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        log = Output(server)
        url = f"http://127.0.0.1:{port}/aspects/overview/"
        aspect = project / "data" / "aspects" / "overview.yml"
        try:
            log.wait_for("Serving on")
            first = fetch(url)
            edit(aspect, "title: ", "titel: ")
            log.wait_for("Serving the last version")
            assert "data/aspects/overview.yml" in "".join(log.lines) and "unknown field 'titel'" in "".join(log.lines)
            assert fetch(url) == first  # answered at once, with the last good site
            log.wait_for("Reloading browsers")  # that rebuild, from the last good data, is in place
            assert fetch(url) == first
            edit(aspect, "titel: ", "title: Renamed overview, ")
            log.wait_for("Reloading browsers")  # the rebuild from the fixed data is in place
            renamed = fetch(url)
            assert "Renamed overview" in renamed
            edit(aspect, "title: Renamed overview, ", "title: A planted fault, ")  # an error that no check foresees
            log.wait_for("Serving the last version")
            assert "OverflowError: date value out of range" in "".join(log.lines) and "Traceback" not in log.output
            assert fetch(url) == renamed
            log.wait_for("Reloading browsers")
            assert fetch(url) == renamed
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_the_kits_strict_build_fails_on_a_warning(tmp_path: Path) -> None:
    # MkDocs 1.6 with --quiet drops warnings before --strict counts them: the kit must not be quiet
    project = copy_project(tmp_path)
    edit(project / "docs" / "about.md", "# About", "# About\n\nSee [nothing](nothing.md).")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "nothing.md" in result.stderr
