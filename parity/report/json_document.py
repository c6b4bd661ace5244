"""The JSON report as a document: writing it JSON-safe, and reading one back."""

from __future__ import annotations

import json
import math
from typing import Any

from parity.errors import InputError
from parity.files import check_input


def json_safe(value: Any) -> Any:
    """JSON has no inf or nan: write them as the strings "inf", "-inf", "nan"."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return value


def read_report(path: str) -> dict:
    """A parity JSON report, or one clear InputError."""
    check_input(path)
    try:
        with open(path) as file:
            document = json.load(file)
        if not isinstance(document, dict) or not {"summary", "verdict", "config"} <= set(document):
            raise ValueError("it lacks summary, verdict or config")
        return document
    except FileNotFoundError:
        raise InputError(f"{path!r}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path!r} is a directory, not a report") from None
    except RecursionError:
        raise InputError(f"{path!r} is not a parity JSON report (nested too deeply to read)") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise InputError(f"{path!r} is not a parity JSON report ({error})") from None
