"""Each data file's checks, remembered by the file's name and bytes: a build parses and checks only what changed.

Loading and checking a file alone (:func:`sitegen.validate.check_document`, its block fields rendered
included) depends on nothing but the file's name and bytes, the Markdown setup and the generator's code.
So its result is kept under the file's name with the SHA-256 digest of its bytes, at two levels:

- in memory, for the life of the process: a live server's rebuild after one edit parses that file alone;
- on disk, in ``.cache/sitegen/checked.pickle`` beside the data folder (git ignores ``.cache/``), for the
  next build. The file opens with a header: a format line, the *fingerprint* (a digest of the Python
  version, the versions of the packages that parse and render, the Markdown setup and the source of
  this package) and the digest of the rest. It is used only when its header is whole and both digests
  match; a corrupted, truncated, foreign or older cache is ignored and replaced, never trusted.

The checks across files (unique ids, references) always run on the whole set. ``SITEGEN_CACHE=off``
keeps the disk out of it (the benchmark's cold builds). The file is written beside itself and then
moved into place, so that two builds at once leave one whole cache, never a mix.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import markdown
import msgspec
import nh3
import pymdownx  # type: ignore[import-untyped]
import yaml

from .validate import Checked

FOLDER = Path(".cache") / "sitegen"
"""Where the cache lives, relative to the folder that holds ``data/`` (the project)."""
FILE = "checked.pickle"
SWITCH = "SITEGEN_CACHE"
"""The environment variable that turns the disk cache off (``off``)."""
_FORMAT = b"sitegen checked-files cache 1\n"
_PACKAGES: tuple[ModuleType, ...] = (yaml, msgspec, markdown, pymdownx, nh3)
"""What parses, converts and renders the data: a new version may give another result. Their versions are
read from the modules (reading them from the installed packages' metadata takes longer than a small build
spends on its data)."""


@dataclass
class Memo:
    """The checked files of one data folder: those found in the cache, and this build's. Each entry is kept
    pickled on its own, so that saving after one edit pickles that file's checks alone."""

    path: Path | None
    fingerprint: str
    entries: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    """Name -> (digest of the file's bytes, its pickled :class:`Checked`)."""
    used: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    live: dict[bytes, Checked] = field(default_factory=dict)
    """Pickled checks already unpickled in this process, by their pickle."""

    def get(self, name: str, digest: bytes) -> Checked | None:
        """The checks of file ``name`` if they were made from bytes of this :func:`digest`."""
        found = self.entries.get(name)
        if found is None or found[0] != digest:
            return None
        checked = self.live.get(found[1])
        if checked is None:
            try:
                checked = pickle.loads(found[1])
            except Exception:  # damaged: checked afresh by the caller
                return None
            if not isinstance(checked, Checked):
                return None
        self.used[name] = found
        self.live[found[1]] = checked
        return checked

    def put(self, name: str, digest: bytes, checked: Checked) -> None:
        blob = pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)
        self.used[name] = (digest, blob)
        self.live[blob] = checked

    def save(self) -> None:
        """Keep this build's entries only; write them to disk if they differ from what was read."""
        changed = self.used != self.entries
        self.entries, self.used = self.used, {}
        blobs = {blob for _, blob in self.entries.values()}
        self.live = {blob: checked for blob, checked in self.live.items() if blob in blobs}
        if changed and self.path is not None:
            _write(self.path, self.fingerprint, self.entries)


def digest(raw: bytes) -> bytes:
    """What the cache knows a file's bytes by."""
    return hashlib.sha256(raw).digest()


_memos: dict[Path, Memo] = {}


def memo(data_dir: Path, setup: object) -> Memo:
    """The checked files of ``data_dir`` made with the Markdown ``setup``: kept in memory, else read from disk."""
    key = data_dir.resolve()
    fingerprint = _fingerprint(repr(setup))
    known = _memos.get(key)
    if known is not None and known.fingerprint == fingerprint:
        return known
    path = None if os.environ.get(SWITCH, "").lower() == "off" else key.parent / FOLDER / FILE
    _memos[key] = found = Memo(path, fingerprint, _read(path, fingerprint) if path else {})
    return found


@lru_cache(maxsize=8)
def _fingerprint(setup: str) -> str:
    digest = hashlib.sha256(_FORMAT)
    versions = (f"{module.__name__} {getattr(module, '__version__', '?')}" for module in _PACKAGES)
    for part in (sys.version, setup, *versions):
        digest.update(part.encode() + b"\0")
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def _read(path: Path, fingerprint: str) -> dict[str, tuple[bytes, bytes]]:
    """The entries of the cache file, or none if it is missing, foreign, from other code or damaged."""
    try:
        blob = path.read_bytes()
    except OSError:
        return {}
    head, _, rest = blob.partition(b"\n")
    mark, _, payload = rest.partition(b"\n")
    if head + b"\n" != _FORMAT or not mark.startswith(fingerprint.encode() + b" "):
        return {}
    if mark.split(b" ")[-1] != hashlib.sha256(payload).hexdigest().encode():
        return {}
    try:
        entries = pickle.loads(payload)
    except Exception:  # a cache is never worth a failed build
        return {}
    if not isinstance(entries, dict):
        return {}
    return {
        name: value
        for name, value in entries.items()
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(part, bytes) for part in value)
    }


def _write(path: Path, fingerprint: str, entries: dict[str, tuple[bytes, bytes]]) -> None:
    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    header = _FORMAT + f"{fingerprint} {hashlib.sha256(payload).hexdigest()}\n".encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".checked-")
    except OSError:  # a read-only project builds all the same, without a cache
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header + payload)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
