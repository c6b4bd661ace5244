"""The arguments a port's optimizer is built again with, each changed one way: a flag flipped, a number at its
default, at 0, or at a number the NumPy program writes (its constants as traced, and the fractions its file writes:
a state's decay is an op on state alone, which no trace records); a tuple (Adam's betas, Rprop's etas) one entry at
a time, or its entries in the other order."""

from __future__ import annotations

import ast
import inspect
import itertools
import weakref
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import torch

from parity.diagnosis.argument_changes import SKIPPED, options
from parity.diagnosis.replays import traces

TINY = 1e-3  # an argument below this is an ε beside a root: tried at the small numbers people write
EPSILONS = (1e-5, 1e-6, 1e-7, 1e-8, 1e-10)
MOST_PER_KEY = 5  # values tried for one argument
WRITTEN_NUMBERS = 8  # the NumPy program's numbers tried
NOT_ARGUMENTS = {"self", "params", "foreach", "capturable", "differentiable", "fused"}


def variants(optimizer: torch.optim.Optimizer, numbers: tuple[float, ...] = ()) -> Iterator[tuple[str, str, Any]]:
    """Each argument changed one way: as `options` changes it, to 0 (a term the NumPy program does not have), or, for a
    fraction (a decay, a momentum), to a fraction the NumPy program writes (RMSprop's alpha left at its default 0.99
    where the NumPy program averages with 0.9)."""
    group = optimizer.param_groups[0]
    arguments = inspect.signature(type(optimizer).__init__).parameters.items()
    for key, parameter in sorted(arguments, key=lambda item: (not isinstance(group.get(item[0]), bool),  # flags first, one
                                                              _numbers_tuple(group.get(item[0])))):  # try each; tuples last
        if key in NOT_ARGUMENTS or key in SKIPPED or key not in group:
            continue
        tried = options(key, group[key], parameter.default)
        if isinstance(group[key], float) and group[key] != 0.0 and key != "lr" and 0.0 not in tried:
            tried = [*tried, 0.0]  # a term at a default the NumPy program does not have (AdamW's weight_decay=0.01)
        if isinstance(group[key], float) and 0.0 < group[key] < TINY and key != "lr":  # an ε: small numbers, written first
            fractions = dict.fromkeys([*(n for n in numbers if 0.0 < n < TINY), *EPSILONS])
            tried = [*tried, *(n for n in fractions if n != group[key] and n not in tried)][:MOST_PER_KEY]
        elif isinstance(group[key], (int, float)) and not isinstance(group[key], bool) and group[key] == 0 and key != "lr":
            # a term the port leaves out (a weight decay at its default 0), at the fractions the NumPy program writes
            tried = [*tried, *(n for n in dict.fromkeys(numbers) if 0.0 < n < 1.0 and n not in tried)][:MOST_PER_KEY]
        elif isinstance(group[key], float) and 0.0 < group[key] < 1.0 and key != "lr":
            fractions = dict.fromkeys(k for n in numbers for k in (n, round(1 - n, 12)) if 0.0 < k < 1.0)  # 1 - α written
            tried = [*tried, *(n for n in fractions if n != group[key] and n not in tried)][:MOST_PER_KEY]
        if _numbers_tuple(group[key]):
            tried = _tuple_options(group[key], parameter.default, numbers)
        for option in tried:
            yield f"{key}={option!r}", key, option


def entry_changed(current: Any, option: Any) -> str:
    """Which entry of a tuple argument the change moves, in words."""
    if not (_numbers_tuple(current) and isinstance(option, tuple) and len(option) == len(current)):
        return ""
    moved = [i for i, (a, b) in enumerate(zip(current, option)) if a != b]
    if len(moved) != 1:
        return " (its entries in the other order)" if option == tuple(reversed(current)) else ""
    i = moved[0]
    return f" (its entry {i} at {option[i]!r}, where the port gives {current[i]!r})"


def _numbers_tuple(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) >= 2 and all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                                                for x in value) and any(isinstance(x, float) for x in value)


def _tuple_options(current: tuple, default: Any, numbers: tuple[float, ...]) -> list[tuple]:
    """A tuple of numbers (Adam's betas, Rprop's etas and step sizes) changed one entry at a time: to its default's
    entry, to a number the NumPy program writes of its size (0.99 where 0.999 is meant, 1.5 for 1.2), and its entries
    swapped (etas given as (1.2, 0.5))."""
    each: list[list[tuple]] = []
    for i, x in enumerate(current):
        near = [n for n in numbers if n != x and (0.0 < x < 1.0) == (0.0 < n < 1.0) and n * x > 0 and 1e-2 <= n / x <= 1e2]
        if _numbers_tuple(default) and len(default) == len(current) and default[i] != x:
            near = [default[i], *near]
        each.append([current[:i] + (n,) + current[i + 1:] for n in near])
    tried = [t for row in itertools.zip_longest(*each) for t in row if t is not None]  # each entry's nearest first
    return [t for t in dict.fromkeys([tuple(reversed(current)), *tried]) if t != current][:MOST_PER_KEY + 2]


def written_numbers(setup: Any, built: Any) -> tuple[float, ...]:
    """The numbers the NumPy program's first step computes with (its constants as written), most used first; read
    once per run (the optimizer's and the clipping's readings both try them, and a trace of a long program is slow)."""
    try:
        return _WRITTEN[built]
    except (KeyError, TypeError):
        pass
    try:
        values = traces(setup, built, 1)[0].values
    except Exception:  # noqa: BLE001 - a program that cannot be traced: no numbers to try
        return ()
    counted = Counter(round(i, 12) for v in values for i in v.inputs if isinstance(i, float) and i not in (0.0, 1.0))
    numbers = tuple(n for n, _ in counted.most_common(WRITTEN_NUMBERS))
    numbers += tuple(n for n in source_numbers(setup) if n not in numbers)  # a state's decay: its op is on state alone
    try:
        _WRITTEN[built] = numbers
    except TypeError:  # a run's object that takes no weak reference: read again next time
        pass
    return numbers


_WRITTEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def source_numbers(setup: Any) -> tuple[float, ...]:
    """The fractions the NumPy program's file writes as literals (0.9 in u = np.maximum(0.9 * u, |g|)), most written
    first: a trace records an op on the program's own values only, and an optimizer's state is none of them."""
    spec = str((getattr(setup, "network", None) or {}).get("network") or "")
    try:
        tree = ast.parse(Path(spec.rpartition(":")[0] or spec).read_text())
    except (OSError, SyntaxError, ValueError):
        return ()
    counted = Counter(node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                      and isinstance(node.value, float) and 0.0 < node.value < 1.0)
    return tuple(n for n, _ in counted.most_common(WRITTEN_NUMBERS))
