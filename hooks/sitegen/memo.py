"""Each data file's checks, remembered in memory by the file's name and bytes, for the life of the process.

Loading and checking a file alone (:func:`sitegen.validate.check_document`, its block fields rendered
included) depends on nothing but the file's name and bytes, the Markdown setup and the generator's code.
A live server rebuilds in the same process after every edit, so it parses and checks the changed file
alone. Nothing is ever read from or written to the disk: a file in a checkout (a pull request can carry
any) could otherwise publish what its ``data/`` does not say, or run code as it loads. A new process,
as every ``make build``, ``make check`` and CI run is, checks every file afresh.

The checks across files (unique ids, references) always run on the whole set.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .validate import Checked


@dataclass
class Memo:
    """The checked files of one data folder with one Markdown setup: the last build's and this build's."""

    entries: dict[str, tuple[bytes, Checked]] = field(default_factory=dict)
    """Name -> (digest of the file's bytes, its checks), as the last build left them."""
    used: dict[str, tuple[bytes, Checked]] = field(default_factory=dict)

    def get(self, name: str, digest: bytes) -> Checked | None:
        """The checks of file ``name`` if they were made from bytes of this :func:`digest`."""
        found = self.entries.get(name)
        if found is None or found[0] != digest:
            return None
        self.used[name] = found
        return found[1]

    def put(self, name: str, digest: bytes, checked: Checked) -> None:
        self.used[name] = (digest, checked)

    def save(self) -> None:
        """Keep this build's entries only: a deleted or renamed file is forgotten."""
        self.entries, self.used = self.used, {}


def digest(raw: bytes) -> bytes:
    """What the memo knows a file's bytes by."""
    return hashlib.sha256(raw).digest()


_memos: dict[tuple[Path, str], Memo] = {}


def memo(data_dir: Path, setup: object) -> Memo:
    """The checked files of ``data_dir`` made with the Markdown ``setup`` in this process."""
    return _memos.setdefault((data_dir.resolve(), repr(setup)), Memo())
