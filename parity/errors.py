"""The one exception for bad usage or bad input (exit status 2), and the one way text from a file reaches a terminal."""

from __future__ import annotations

import reprlib
import unicodedata

# Line and paragraph separators: not control characters to Unicode, but a terminal may break the line at them.
_INVISIBLE = frozenset("\u2028\u2029")


def printable(text: object, keep: str = "\n\t") -> str:
    """text with every control character (ESC, CSI, OSC, BEL, C1, \\r, ...) but those in keep written out as an escape
    such as \\x1b: a report or an exception from elsewhere cannot move the cursor, redraw a verdict or reach the
    clipboard, and what was taken out still shows."""
    text = str(text)
    if text.isprintable():
        return text  # the common case, at no cost
    return "".join(repr(char)[1:-1] if char not in keep and _hidden(char) else char for char in text)


def _hidden(char: str) -> bool:
    # Cs: a lone surrogate, which JSON can carry and no terminal encoding can write
    return char in _INVISIBLE or unicodedata.category(char) in ("Cc", "Cf", "Cs") and char not in "\u200d\u00ad"


class InputError(Exception):
    """Bad usage or bad input. Its message is one line meant for the user: whatever it quotes from a file or from the
    user's code is shown without control characters or line breaks."""

    def __str__(self) -> str:
        return printable(super().__str__(), keep="\t")


class ArgumentError(InputError, TypeError):
    """An argument of the Python API of a type it does not take: a TypeError, as Python's own are, and an InputError,
    one line for the user, as every bad input to the kit is."""


def expect(name: str, value: object, kinds: type | tuple[type, ...], accepts: str) -> None:
    """Refuse value for the argument `name` unless it is one of kinds; accepts says what the argument takes, in words.
    True and False are refused unless kinds names bool: to Python an int, to the kit never a count or a program."""
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,))):
        raise ArgumentError(f"{name} must be {accepts}, got {type(value).__name__} {reprlib.repr(value)}")
