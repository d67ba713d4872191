"""``mkdocs build`` for the tests, without paying for a new Python and its imports at every build.

A server process imports MkDocs, the theme and the Markdown extensions once, and then forks a child for
each build it is asked for: the child goes to the project's folder, takes the build's environment, sends
its output to a file and runs MkDocs' own command line, as ``python -m mkdocs build`` does; the server
answers with the child's exit code. No child runs in the server itself, so every build starts from the
same state (the generator and the project's hook are imported by the child, from the project). The
server reads its requests from a pipe and ends when the test process that started it does.

Run as ``python -m support.builds`` by :func:`run`; tests build through :func:`support.project.mkdocs_build`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Mapping
from pathlib import Path

_WARM = (
    "colorama",
    "ctypes",
    "difflib",
    "markdown.extensions.abbr",
    "markdown.extensions.admonition",
    "markdown.extensions.codehilite",
    "markdown.extensions.fenced_code",
    "markdown.extensions.md_in_html",
    "markdown.extensions.tables",
    "material.plugins.search.plugin",
    "material.templates",
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "msgspec",
    "nh3",
    "pygments.lexers",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.saneheaders",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "yaml",
)
"""What the server imports before it forks: the third-party part of a build (none of this project's code)."""


def _child(request: dict[str, object]) -> int:
    """In the forked child: one build, as ``python -m mkdocs`` runs it; returns its exit code."""
    import mkdocs.__main__

    os.chdir(str(request["cwd"]))
    os.environ.clear()
    os.environ.update(request["env"])  # type: ignore[arg-type]
    output = os.open(str(request["output"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(output, 1)
    os.dup2(output, 2)
    sys.argv = ["mkdocs", *request["args"]]  # type: ignore[misc]
    try:
        mkdocs.__main__.cli(prog_name="mkdocs")
    except SystemExit as exit:  # click ends every run this way; sys.exit(None) is a success, a message a failure
        return exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
    except BaseException:
        traceback.print_exc()
        return 1
    return 0


def _serve() -> None:
    for name in _WARM:
        __import__(name)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(request)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


class _Server:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None

    def build(self, args: list[str], cwd: Path, env: Mapping[str, str]) -> tuple[int, str]:
        with self._lock, tempfile.TemporaryDirectory() as folder:
            if self._process is None or self._process.poll() is not None:
                here = Path(__file__).resolve().parent.parent
                path = os.pathsep.join([str(here.parent / "hooks"), str(here)])
                self._process = subprocess.Popen(
                    [sys.executable, "-m", "support.builds"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    env={**env, "PYTHONPATH": path},
                )
            assert self._process.stdin is not None and self._process.stdout is not None
            output = Path(folder) / "output"
            request = {"args": args, "cwd": str(cwd), "env": dict(env), "output": str(output)}
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            answer = self._process.stdout.readline()
            if not answer:
                raise RuntimeError("the build server stopped")
            return int(answer), output.read_text(encoding="utf-8", errors="replace") if output.exists() else ""


_SERVER = _Server()


def run(args: list[str], cwd: Path, env: Mapping[str, str]) -> tuple[int, str]:
    """``mkdocs ARGS`` run in ``cwd`` with the environment ``env``: (its exit code, what it printed)."""
    return _SERVER.build(args, cwd, env)


if __name__ == "__main__":
    _serve()
