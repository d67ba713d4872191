"""The regular expressions that check a whole value, in one place, each with a value it accepts.

Each ends with :data:`END`, never a bare ``$``: in Python ``$`` also matches before a final line break, so
``"keras\\n"`` would pass for a package name and reach the exported files. A test feeds every pattern of
:data:`WHOLE_VALUES` its example with a line break added, and finds every ``$``-ended pattern in the code.
Patterns that search inside a text (for Markdown, for links) are not listed: they check no whole value.
"""

from __future__ import annotations

END = r"$(?![\s\S])"
"""The end of the text. A bare ``$`` also matches before a final line break in Python (not in the
JavaScript of editors that read the JSON Schemas), so patterns end with this."""

ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*" + END
"""One rule for every id: lowercase words joined by single hyphens. Ids become URL anchors."""
URL = r"^https?://[A-Za-z0-9\-._~:/?#@!$&()*+,;=%]+" + END
"""An http(s) URL in ASCII, of the characters RFC 3986 lets a URL hold unescaped, less ``'``: no
lookalike letters or slashes, no quotes, no backticks or brackets (an IDN host is written in punycode)."""
ONE_LINE = r"^(?=.*\S)[^\r\n\u2028\u2029\x85]+" + END
"""A line of text: not only spaces, no line break of any kind."""
TITLE = r"^(?=.*\S)[^<>&\"\r\n\u2028\u2029\x85]+" + END
"""A line of text that titles a page: no ``<``, ``>``, ``&`` or ``"`` either (see :data:`sitegen.model.Title`)."""
PACKAGE = r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?" + END
"""A package's name on PyPI (letters, digits, ``.``, ``_`` and ``-``)."""
WEB_ADDRESS = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9\-._~:/@!$&()*+,;=%]*)?" + END
"""``site_url`` and ``repo_url`` of ``mkdocs.yml``: an http(s) address in ASCII that pages can place in
attributes and add paths to: a host name (an IDN in punycode) and port, a path of the characters RFC 3986
lets a URL hold unescaped, less ``'``; no spaces, quotes or angle brackets, no query or fragment."""
EDIT_URI = r"^(?:-/)?(?:edit|blob|_edit|src/branch)/(.+?)/(?:{docs}/)?" + END
"""``edit_uri`` as the code hosts spell it, ``{docs}`` standing for the docs folder's name (escaped):
``edit/<branch>/docs/`` (GitHub), ``-/edit/<branch>/docs/`` (GitLab), ``src/branch/<branch>/docs/`` (Forgejo)."""

WHOLE_VALUES = {
    "ID": (ID, "keras-3"),
    "URL": (URL, "https://keras.io/api/"),
    "ONE_LINE": (ONE_LINE, "One line, with `code`"),
    "TITLE": (TITLE, "Deployment"),
    "PACKAGE": (PACKAGE, "tf-keras"),
    "WEB_ADDRESS": (WEB_ADDRESS, "https://example.org/site/"),
    "EDIT_URI": (EDIT_URI.format(docs="docs"), "edit/main/docs/"),
}
"""Every pattern above, by name, with a value it accepts."""
