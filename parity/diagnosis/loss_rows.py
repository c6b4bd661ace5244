"""The port's loss called again otherwise than one argument changed: on the rows the NumPy program's loss picks (a
mask of labelled rows), or as the loss users write in its place (smooth L1 for Huber)."""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np
import torch

from parity.diagnosis.calls import called_again, signature


def called_number(func: Any, arguments: dict) -> float | None:
    """A function called again on `arguments`, its one-number result."""
    result = called_again(func, arguments)
    return float(result.reshape(-1)[0]) if result is not None and result.size == 1 else None


def rows_picked(func: Any, arguments: dict, picks: list[tuple[int, np.ndarray]]) -> Iterator[tuple[str, float]]:
    """The loss called again on the rows an index of the NumPy program's takes (a mask of labelled rows), input and
    target alike: a loss over every row where the NumPy program's is over those."""
    given, target = arguments.get("input"), arguments.get("target")
    if not (torch.is_tensor(given) and torch.is_tensor(target)) or given.dim() == 0 or len(given) != len(target):
        return
    for rows, taken in {(n, tuple(r.tolist())): (n, r) for n, r in picks}.values():
        if rows == len(given) and 0 < len(taken) < rows:
            index = torch.as_tensor(taken, dtype=torch.long)
            value = called_number(func, {**arguments, "input": given[index], "target": target[index]})
            if value is not None:
                yield (f"the input and the target cut to the {len(taken)} of its {rows} rows the NumPy program's loss "
                       f"reads (rows {taken.tolist()[:6]}…: a mask or an index on one side only, every row counted on "
                       "the other)"), value


# a loss and the one users write in its place, its width argument renamed: smooth L1 is the Huber loss divided by beta
LOSS_SIBLINGS = {"smooth_l1_loss": ("huber_loss", "beta", "delta"), "huber_loss": ("smooth_l1_loss", "delta", "beta")}


# a loss and the others users mean for the same targets, on the input and target alone
_HUBER = "the Huber loss (smooth L1: half the square within 1, linear beyond)"
_BINARY = ("an independent sigmoid per output and the binary cross-entropy of each entry (multi-label tags), where "
           "cross_entropy takes one softmax over the classes")
OTHER_LOSSES = {"cross_entropy": (("binary_cross_entropy_with_logits", _BINARY),),
                "binary_cross_entropy_with_logits": (("cross_entropy", "one softmax over the classes, where "
                                                      "binary_cross_entropy_with_logits takes a sigmoid per output"),),
                "mse_loss": (("l1_loss", "the absolute error, where mse_loss squares it"),
                             ("smooth_l1_loss", _HUBER + ", where mse_loss squares every error")),
                "l1_loss": (("mse_loss", "the squared error, where l1_loss takes its absolute value"),
                            ("smooth_l1_loss", _HUBER + ", where l1_loss takes every error's absolute value")),
                "smooth_l1_loss": (("mse_loss", "the squared error everywhere, where the Huber loss is linear beyond 1"),),
                "huber_loss": (("mse_loss", "the squared error everywhere, where the Huber loss is linear beyond its δ"),)}


def loss_siblings(func: Any, arguments: dict) -> Iterator[tuple[str, float]]:
    """The loss the port's is written in place of, on the same tensors and width: F.smooth_l1_loss(beta=δ) for a
    Huber loss of δ (the two differ by the factor δ); and another loss for the same targets (a softmax cross-entropy
    where a sigmoid per tag belongs)."""
    sibling = LOSS_SIBLINGS.get(getattr(func, "__name__", ""))
    other = getattr(torch.nn.functional, sibling[0], None) if sibling else None
    given = {(sibling[2] if k == sibling[1] else k): v for k, v in arguments.items()} if sibling else {}
    value = called_number(other, {k: v for k, v in given.items() if k in signature(other).parameters}) if other else None
    if value is not None:
        yield (f"{sibling[0]} in its place ({sibling[2]}={arguments.get(sibling[1])!r}): F.smooth_l1_loss(beta=δ) is the "
               "Huber loss of δ divided by δ, the two the same only at δ = 1"), value
    for name, meaning in OTHER_LOSSES.get(getattr(func, "__name__", ""), ()):  # another loss for the same targets
        plain = {k: v for k, v in arguments.items() if k in ("input", "target", "reduction")}
        if (value := called_number(getattr(torch.nn.functional, name), plain)) is not None:
            yield f"F.{name} in its place: {meaning}", value


# a loss and what its input must already be: raw scores handed to it give another loss, with no error
EXPECTED_INPUTS = {"nll_loss": ("log-probabilities", "log_softmax over the classes", lambda x: torch.log_softmax(x, dim=1)),
                   "kl_div": ("log-probabilities", "log_softmax over the last axis", lambda x: torch.log_softmax(x, dim=-1)),
                   "binary_cross_entropy": ("probabilities", "a sigmoid", torch.sigmoid)}


def inputs_made(func: Any, arguments: dict, whole: bool = False) -> Iterator[tuple[str, Any]]:
    """The loss called again with its input made into what it takes (log_softmax before nll_loss): raw scores handed
    to a loss that expects log-probabilities or probabilities. With `whole`, its result as an array."""
    expected = EXPECTED_INPUTS.get(getattr(func, "__name__", ""))
    given = arguments.get("input")
    if expected is None or not torch.is_tensor(given) or given.dim() < (2 if expected[0] == "log-probabilities" else 1):
        return
    kind, made, make = expected
    with torch.no_grad():
        value = (called_again if whole else called_number)(func, {**arguments, "input": make(given)})
    if value is not None:
        yield (f"its input passed through {made} first: {func.__name__} takes {kind}, and the port hands it raw scores "
               f"(F.cross_entropy applies the log_softmax itself; F.nll_loss does not)" if func.__name__ == "nll_loss" else
               f"its input passed through {made} first: {func.__name__} takes {kind}, and the port hands it raw scores"), value


def rows_masked(func: Any, arguments: dict, trace: Any) -> Iterator[tuple[str, np.ndarray]]:
    """The loss called again on the rows a 0/1 mask of the NumPy program's marks (a missing-label mask it multiplies
    the rows' losses by): a loss over every row on the port's side. Its result as an array (`called_again`)."""
    given, target = arguments.get("input"), arguments.get("target")
    if trace is None or not (torch.is_tensor(given) and torch.is_tensor(target)) or given.dim() == 0 or len(given) != len(target):
        return
    rows, seen = len(given), set()
    for value in trace.values:
        mask = value.array.reshape(-1) if value.array.size == rows else None
        if mask is None or not np.all((mask == 0) | (mask == 1)) or mask.all() or not mask.any() or mask.tobytes() in seen:
            continue
        seen.add(mask.tobytes())
        kept = torch.as_tensor(np.flatnonzero(mask), dtype=torch.long, device=given.device)
        result = called_again(func, {**arguments, "input": given[kept], "target": target[kept]})
        if result is not None:
            yield (f"the input and the target cut to the {len(kept)} of its {rows} rows the NumPy program's 0/1 "
                   f"{value.op} (value {value.index}) marks (a mask on one side only, every row counted on the other)"), result

