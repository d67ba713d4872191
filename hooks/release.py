"""``make build`` and ``make publish``: one build at a time, into a fresh folder, published by one rename.

Beside the published name ``SITE`` (``site`` by default) live:

- ``SITE``: a symbolic link to the current build, ``SITE.builds/<n>``. Readers, ``rsync`` and the Pages
  upload follow it; it is replaced, never written through.
- ``SITE.builds/``: the numbered finished builds (the current one and the one it replaced, kept for
  requests still reading it), at most one build in progress (``.partial-*``), and ``.lock``.

A build takes the lock (``fcntl.flock``; a second build waits for it, up to ``--wait`` seconds, then
fails with a message), builds with ``mkdocs build --strict`` into a new ``.partial-*`` folder, names
it with the next number, makes a new link beside ``SITE`` and renames it over ``SITE``: one
``rename(2)``, so ``SITE`` is whole before, during and after, whatever stops the build. Leftovers of a
stopped build are removed by the next one, under the lock. A ``SITE`` that is still a real folder holding
a built site (from before builds were swapped) is copied into ``SITE.builds/`` and exchanged with a link to
the copy in one step, once. ``publish`` copies the new
build to its destination with ``rsync --delete`` while it still holds the lock.

Nothing here follows a link it did not make: a ``SITE.builds`` that is a link, or a ``SITE`` that is a
file, stops the build with a message. The environment variable :data:`PAUSE` names a step at which the
build prints ``paused at STEP, process PID`` and waits for ``SIGUSR1`` (the tests stop or inspect it there).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import glob
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

STEPS = ("locked", "settled", "built", "named", "linked", "swapped", "cleaned")
"""The points between a build's steps, in order; the site is swapped between ``linked`` and ``swapped``."""
PAUSE = "RELEASE_PAUSE_AT"
"""Fault hook: the name of a step at which to pause (see the module's docstring)."""
BUILDS = ".builds"
"""The suffix of the folder of builds, beside the published name."""
LOCK = ".lock"
PARTIAL = ".partial-"
LINK = ".link-"
"""A new link beside the published name is called ``.SITE.link-PID`` until it is renamed over it."""


class ReleaseError(Exception):
    """A build that cannot be made or published safely; the message says why and what to do."""


def builds_of(site: Path) -> Path:
    return site.with_name(site.name + BUILDS)


def pause_at(step: str) -> None:
    """The fault hook: pause at ``step`` if :data:`PAUSE` names it (a test's event, never a timer)."""
    if os.environ.get(PAUSE) != step:
        return
    resumed: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda number, frame: resumed.append(number))
    print(f"paused at {step}, process {os.getpid()}", flush=True)
    while not resumed:
        signal.pause()
    signal.signal(signal.SIGUSR1, previous)


@contextlib.contextmanager
def locked(builds: Path, wait: float) -> Iterator[None]:
    """Hold the builds' lock; wait for another build up to ``wait`` seconds, then fail with a message."""
    builds.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        builds.mkdir()
    if not stat.S_ISDIR(os.lstat(builds).st_mode):
        raise ReleaseError(
            f"{builds} is not a folder (a link or a file): remove it; builds are never written through a link"
        )
    builds.chmod(0o777 & ~_umask())  # readable by a web server unless this build's umask says otherwise
    handle = os.open(builds / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        deadline, told = time.monotonic() + wait, False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ReleaseError(
                        f"another build of {builds.name.removesuffix(BUILDS)} still holds {builds / LOCK} after "
                        f"{wait:g} s; the site was not changed (wait for it, or give a longer BUILD_WAIT)"
                    ) from None
                if not told:
                    print(f"waiting for another build to finish (it holds {builds / LOCK})", file=sys.stderr)
                    told = True
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # releases the lock


def current(site: Path, builds: Path) -> Path | None:
    """The build that ``site`` links to, if it is one of ours: a numbered folder in ``builds``."""
    if not site.is_symlink():
        return None
    target = Path(os.readlink(site))
    found = site.parent / target
    if target.is_absolute() or found.parent != builds or not is_number(target.name):
        return None
    try:
        return found if stat.S_ISDIR(os.lstat(found).st_mode) else None
    except FileNotFoundError:  # a link left dangling (its build removed by hand)
        return None


def numbered(builds: Path) -> list[Path]:
    """The finished builds, oldest first."""
    return sorted((entry for entry in builds.iterdir() if is_number(entry.name)), key=lambda entry: int(entry.name))


def is_number(name: str) -> bool:
    """A finished build's name: ASCII digits only (``str.isdigit`` also takes "²", which ``int`` refuses)."""
    return name.isascii() and name.isdigit()


def finished_builds(builds: Path) -> list[Path]:
    """The numbered entries that are real folders (a planted link, file or pipe is never published)."""
    return [entry for entry in numbered(builds) if stat.S_ISDIR(os.lstat(entry).st_mode)]


def next_build(builds: Path) -> Path:
    found = numbered(builds)
    return builds / str(int(found[-1].name) + 1 if found else 1)


def link_beside(site: Path, build: Path) -> Path:
    """A new link to ``build``, made beside ``site`` under this process's name (``.SITE.link-PID``), ready to
    be renamed over ``site``."""
    link = site.with_name(f".{site.name}{LINK}{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(Path(build.parent.name) / build.name)
    return link


def stale_links(site: Path) -> list[Path]:
    """What :func:`link_beside` made for ``site`` in a process that stopped (exactly that name: never another
    site's), be it the link or the old folder a stopped conversion left under its name."""
    name = re.compile(rf"\.{re.escape(site.name)}{re.escape(LINK)}[0-9]+")
    return [entry for entry in site.parent.glob(f".{glob.escape(site.name)}{LINK}*") if name.fullmatch(entry.name)]


def swap(site: Path, build: Path) -> None:
    """Point ``site`` at ``build`` by renaming a new link over it: readers see the old site or the new one."""
    link = link_beside(site, build)
    pause_at("linked")
    os.replace(link, site)


def settle(site: Path, builds: Path) -> None:
    """Under the lock: remove what a stopped build left, and make ``site`` a link to a build if it is not.

    - a build in progress (``.partial-*``), and a stale ``.SITE.link-PID`` beside ``site`` (a link, or the
      folder a stopped conversion left under that name): removed;
    - ``site`` a real folder holding a built site (from before builds were swapped): converted;
    - ``site`` missing while finished builds exist (a conversion stopped between its two renames, where
      the system cannot exchange names): the newest linked;
    - ``site`` a link, ours or not: left for the swap to replace (never followed);
    - ``site`` a file: refused, nothing is changed."""
    for entry in builds.iterdir():
        if entry.name.startswith(PARTIAL):
            remove(entry)
    for entry in stale_links(site):
        remove(entry)
    mode = os.lstat(site).st_mode if os.path.lexists(site) else None
    if mode is not None and stat.S_ISLNK(mode):
        return  # ours or not, a link is replaced by the swap, never followed
    if mode is not None and not stat.S_ISDIR(mode):
        raise ReleaseError(f"{site} is a file, not the published site: move it away")
    if mode is None:
        found = finished_builds(builds)
        if found:
            swap(site, found[-1])
        return
    convert(site, builds)


def convert(site: Path, builds: Path) -> None:
    """Make the real folder ``site`` (built before builds were swapped) a link to a copy of it, in one step.

    The copy is exchanged with a link to it by ``renameat2(RENAME_EXCHANGE)``, so readers see the folder
    or the link, never nothing. Where the system cannot exchange, two renames do it; if the build stops
    between them, the next build links the copy again first."""
    if not (site / "index.html").is_file() or not (site / "sitemap.xml").is_file():
        raise ReleaseError(f"{site} is a folder but not a built site (no index.html and sitemap.xml): move it away")
    plain_tree(site)
    for entry in numbered(builds):  # none is published while site is a folder
        remove(entry)
    partial = Path(tempfile.mkdtemp(prefix=PARTIAL, dir=builds))
    shutil.copytree(site, partial, symlinks=True, dirs_exist_ok=True)
    copy = next_build(builds)
    partial.rename(copy)
    pause_at("copied")
    link = link_beside(site, copy)
    if exchange(link, site):
        shutil.rmtree(link)  # the old folder, now under the link's name
        return
    old = builds / f"{PARTIAL}folder"
    os.rename(site, old)
    os.replace(link, site)
    shutil.rmtree(old)


def plain_tree(folder: Path, depth: int = 64) -> None:
    """Refuse a folder that holds anything but files, folders and links, or folders nested over ``depth``
    deep: a device would be copied without end, and the copy recurses once per level."""
    stack = [(folder, 0)]
    while stack:
        current, level = stack.pop()
        if level > depth:
            raise ReleaseError(f"{current} is nested over {depth} folders deep: not a built site, move it away")
        for entry in os.scandir(current):
            if entry.is_dir(follow_symlinks=False):
                stack.append((Path(entry.path), level + 1))
            elif not (entry.is_file(follow_symlinks=False) or entry.is_symlink()):
                raise ReleaseError(f"{entry.path} is not a file, folder or link: not a built site, move it away")


def exchange(first: Path, second: Path) -> bool:
    """Swap two names in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); false where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd, rename_exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def remove(entry: Path) -> None:
    if entry.is_symlink() or not entry.is_dir():
        entry.unlink()
    else:
        shutil.rmtree(entry)


def check_place(site: Path, config: Path) -> None:
    """Refuse a published name that would take the project with it, or that lies inside a build."""
    if site.name in ("", ".", "..") or site.name.endswith(BUILDS):
        raise ReleaseError(f"{site} cannot be the published site: give a folder's name, such as site")
    real = Path(os.path.realpath(site.parent)) / site.name  # the name itself may be our link: not followed
    project = Path(os.path.realpath(config)).parent
    if real == project or real in project.parents:
        raise ReleaseError(f"{site} holds the project itself ({project}): give a name of its own, such as site")
    if any(part.endswith(BUILDS) for part in real.parent.parts):
        raise ReleaseError(f"{site} lies inside a folder of builds: give a name outside it, such as site")


def build(site: Path, config: Path, wait: float, dest: str | None = None) -> None:
    """Build the site of ``config`` and publish it at ``site`` (and copy it to ``dest``), or raise."""
    check_place(site, config)
    builds = builds_of(site)
    with locked(builds, wait):
        pause_at("locked")
        settle(site, builds)
        before = current(site, builds)
        pause_at("settled")
        partial = Path(tempfile.mkdtemp(prefix=PARTIAL, dir=builds))
        try:
            partial.chmod(0o777 & ~_umask())  # mkdtemp's folder is private; a web server must read the site
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(partial)]
            if subprocess.run(command, check=False).returncode != 0:
                raise ReleaseError(f"the build failed: {site} is as it was")
            pause_at("built")
            finished = next_build(builds)
            partial.rename(finished)
        finally:
            if partial.exists():
                shutil.rmtree(partial)
        pause_at("named")
        swap(site, finished)
        pause_at("swapped")
        for entry in numbered(builds):
            if entry not in (finished, before):
                remove(entry)
        pause_at("cleaned")
        if dest is not None:
            copy = ["rsync", "-a", "--delete", "--", f"{finished}/", dest]
            if subprocess.run(copy, check=False).returncode != 0:
                raise ReleaseError(f"copying the site to {dest} failed; {site} holds the new build")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release.py", description=__doc__.split("\n", 1)[0])
    parser.add_argument("action", choices=("build", "publish"))
    parser.add_argument("--site", type=Path, default=Path("site"), help="the published name (a link)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--wait", type=float, default=600.0, help="seconds to wait for another build")
    parser.add_argument("--dest", help="publish: where rsync copies the site")
    args = parser.parse_args(argv)
    if args.action == "publish" and not args.dest:
        parser.error("publish needs --dest")
    site = Path(os.path.abspath(args.site))
    try:
        build(site, args.config, args.wait, args.dest if args.action == "publish" else None)
    except (ReleaseError, OSError) as err:
        print(f"make {args.action}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"make {args.action}: interrupted; {args.site} still holds a whole build", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
