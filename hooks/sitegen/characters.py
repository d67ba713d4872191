"""Which characters data may hold, decided by Unicode property rather than by a hand-made list.

Refused everywhere in a data file (its text, its values, its file names): every default-ignorable code
point (zero-width characters, variation selectors, tag characters, Hangul fillers...), every control (Cc),
format (Cf: bidi controls...), surrogate (Cs), private-use (Co) and unassigned (Cn, noncharacters
included) code point, the line and paragraph separators, and :data:`BLANK_LETTERS`. A reviewer cannot
see them, so they could hide text or turn the text around them.

The allowances, by name:

- tab and line feed (and the carriage return of a file saved with CRLF line ends; never in a value);
- a variation selector (U+FE0E text, U+FE0F emoji presentation) right after a pictograph, and U+FE0F in
  a keycap (``1`` U+FE0F U+20E3);
- ZERO WIDTH JOINER between two pictographs, as in emoji sequences (a woman, ZWJ, a laptop).

ZERO WIDTH NON-JOINER is refused: the site is written in English, and no script it uses needs it.

The properties are the ``regex`` package's, which follows :data:`UNICODE_VERSION` whatever Python's own
``unicodedata`` knows (Python 3.11's is Unicode 14.0, which would call newer emoji unassigned).
"""

from __future__ import annotations

import unicodedata

import regex

UNICODE_VERSION = "18.0.0"
"""The Unicode version of the ``regex`` package's tables (the pinned release says which; a test checks it)."""

BLANK_LETTERS = {
    "\u115f": "HANGUL CHOSEONG FILLER",
    "\u1160": "HANGUL JUNGSEONG FILLER",
    "\u2800": "BRAILLE PATTERN BLANK",
    "\u3164": "HANGUL FILLER",
    "\uffa0": "HALFWIDTH HANGUL FILLER",
    "\U00016fe4": "KHITAN SMALL SCRIPT FILLER",
    "\U0001d159": "MUSICAL SYMBOL NULL NOTEHEAD",
}
"""Letters, marks and symbols to Unicode that show as blank space (a 'title' of them looks empty); the Hangul
fillers are default-ignorable too, the others are not."""

_INVISIBLE = r"\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Zl}\p{Zp}" + "".join(BLANK_LETTERS)
_ODD = r"\p{Cs}\p{Co}\p{Cn}"
_ALLOWED = (
    r"[\t\n\r]"
    r"|(?<=\p{Extended_Pictographic})[\uFE0E\uFE0F]"
    r"|(?<=[0-9#*])\uFE0F(?=\u20E3)"
    r"|(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D(?=\p{Extended_Pictographic})"
)
_REFUSED = regex.compile(rf"(?!{_ALLOWED})[{_INVISIBLE}{_ODD}]")
_REFUSED_IN_VALUES = regex.compile(rf"\r|{_REFUSED.pattern}")
_VISIBLE = regex.compile(r"[\p{L}\p{N}\p{S}\p{P}]")


def refused_in_file(text: str) -> int | None:
    """Where the first refused character of a file's text stands (its carriage returns are line ends)."""
    found = _REFUSED.search(text)
    return found.start() if found else None


def refused_in_value(text: str) -> int | None:
    """Where the first refused character of a value or a name stands; a carriage return counts (no line end
    of a file gives a value one: YAML turns them into line feeds)."""
    found = _REFUSED_IN_VALUES.search(text)
    return found.start() if found else None


def escaped(text: str) -> str:
    """The text with each character that data may not hold written as its escape (``\\u202e``): how messages
    show a name or value that holds one, so that it cannot turn the message around."""
    return _REFUSED_IN_VALUES.sub(lambda found: ascii(found.group())[1:-1], text)


def has_visible(text: str) -> bool:
    """Whether the text holds a letter, digit, symbol or punctuation mark (not only spaces and marks)."""
    return _VISIBLE.search(text) is not None


def describe(char: str) -> str:
    """A refused character as messages name it: ``invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    code = f"U+{ord(char):04X}"
    if regex.match(rf"[{_INVISIBLE}]", char):
        control = "a control character" if regex.match(r"\p{Cc}", char) else "unnamed in Python's tables"
        return f"invisible character {code} ({BLANK_LETTERS.get(char) or unicodedata.name(char, control)})"
    if regex.match(r"\p{Noncharacter_Code_Point}", char):
        return f"noncharacter {code}"
    if regex.match(r"\p{Cs}", char):
        return f"lone surrogate {code}"
    if regex.match(r"\p{Co}", char):
        return f"private-use character {code}"
    return f"unassigned code point {code} (in Unicode {UNICODE_VERSION})"
