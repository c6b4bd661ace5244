"""Arguments of one of the port's calls changed as people get them wrong: two tensors of one shape given in each
other's place (cell(h, x) for cell(x, h)), or one tensor's entries in another order (a kernel flipped, its axes
swapped, its taps read in another layout), a convolution's padding, stride or dilation at another small value, or
its numbers given by position one slot off; and the values one argument is tried at (`options`)."""

from __future__ import annotations

import inspect
from itertools import permutations
from typing import Any, Iterator

import torch

CLASS_AXIS = ("cross_entropy", "nll_loss")  # losses whose classes sit at dim 1
SKIPPED = ("input", "target", "size_average", "reduce", "inplace", "out")  # the data, and the deprecated spellings of reduction


def swapped(arguments: dict) -> Iterator[tuple[str, dict]]:
    """Two tensor arguments of one shape given in each other's place (cell(h, x) for cell(x, h)): a call whose order
    the shapes cannot catch."""
    tensors = [k for k, v in arguments.items() if torch.is_tensor(v) and k not in SKIPPED[1:]]
    for i, first in enumerate(tensors):
        for second in tensors[i + 1:]:
            if arguments[first].shape == arguments[second].shape and not torch.equal(arguments[first], arguments[second]):
                yield f"{first} and {second} swapped", {**arguments, first: arguments[second], second: arguments[first]}
    for given in tensors:  # a tensor given under another keyword left empty: weight= where pos_weight= belongs
        for empty in (k for k, v in arguments.items() if v is None and k not in SKIPPED and k.endswith(given.split("_")[-1])):
            yield f"{given}= given as {empty}=", {**arguments, given: None, empty: arguments[given]}
    for key, value in arguments.items():  # a state given as a pair, (h, c) for (c, h)
        if isinstance(value, (tuple, list)) and len(value) == 2 and all(map(torch.is_tensor, value)) and \
                value[0].shape == value[1].shape and not torch.equal(value[0], value[1]):
            yield f"{key}'s two tensors swapped", {**arguments, key: type(value)(reversed(value))}
    yield from _slot_off(arguments)


POSITIONAL = ("stride", "padding", "dilation")  # a convolution's numbers in the order its signature takes them
UNSET = {"stride": 1, "padding": 0, "dilation": 1}


def _slot_off(arguments: dict) -> Iterator[tuple[str, dict]]:
    """A convolution's numbers given by position one slot off (nn.Conv1d(4, 6, 3, 2, 2) written for padding=2,
    dilation=2: torch reads stride=2, padding=2): each number moved to the next slot or the one before, the slot left
    empty at its default."""
    if not all(k in arguments and isinstance(arguments[k], (int, tuple, list)) for k in POSITIONAL):
        return
    given = [arguments[k] for k in POSITIONAL]
    unset = [(type(v)(UNSET[k] for _ in v) if isinstance(v, (tuple, list)) else UNSET[k]) for k, v in zip(POSITIONAL, given)]
    for words, moved in (("one slot later", [unset[0], *given[:2]]), ("one slot earlier", [*given[1:], unset[2]])):
        if moved != given:
            said = ", ".join(f"{k}={_plain(v)}" for k, v in zip(POSITIONAL, moved))
            yield f"its numbers given by position {words} ({said})", {**arguments, **dict(zip(POSITIONAL, moved))}


def _plain(value: Any) -> Any:
    return value[0] if isinstance(value, (tuple, list)) and len(set(value)) == 1 else value


HALVES = ("glu",)  # functions that split their input in two along the last axis and give the halves other roles


def rearranged(key: str, current: Any, func: Any) -> Iterator[tuple[str, Any]]:
    """A weight or kernel given with its entries in another order: flipped along its spatial axes (a true
    convolution, where torch's conv is a cross-correlation), its first two axes swapped ((in, out) against torch's
    (out, in)); and a convolution's padding, stride or dilation at another small value."""
    if key == "input" and torch.is_tensor(current) and current.dim() == 2 and current.shape[0] == current.shape[1] and \
            getattr(func, "__name__", "") in CLASS_AXIS:
        yield ("input transposed (a square score matrix read down its columns: each row's softmax taken over the other "
               "axis, the negatives drawn from the wrong side)"), current.T
    if key == "input" and torch.is_tensor(current) and current.dim() >= 3 and getattr(func, "__name__", "") in CLASS_AXIS:
        yield ("input's last axis moved to dim 1 (torch's cross_entropy and nll_loss take the classes at dim 1, (n, C, "
               "d1, …): logits of shape (n, T, C) handed over as they are are read with the T axis as the classes)"), current.movedim(-1, 1)
    if key == "input" and torch.is_tensor(current) and getattr(func, "__name__", "") in HALVES and current.shape[-1] % 2 == 0:
        first, second = current.chunk(2, dim=-1)
        yield (f"its input's two halves in each other's place (torch.cat([second, first]): {func.__name__} takes the first "
               "half as the value and gates it with the second, a * σ(b), where the gate comes first on the other side, "
               "σ(a) * b)"), torch.cat([second, first], dim=-1)
    if key != "input" and torch.is_tensor(current) and current.dim() >= 2 and current.is_floating_point():
        if current.dim() >= 3:
            spatial = tuple(range(2, current.dim()))
            yield f"{key} flipped along its spatial axes ({key}.flip{spatial}: a true convolution, where torch's is a cross-correlation)", current.flip(spatial)
        if current.shape[0] == current.shape[1] or current.dim() >= 3:
            yield f"{key}'s first two axes swapped ({key}.transpose(0, 1): (in, out) where torch's layout is (out, in))", current.transpose(0, 1)
        names = ("c", *(("k",) if current.dim() == 3 else ("kh", "kw") if current.dim() == 4 else ("kd", "kh", "kw")))
        for axes in permutations(range(1, current.dim())) if current.dim() >= 3 else ():
            if list(axes) != sorted(axes):  # each output's kernel read in another axis order: reshaped where a transpose belongs
                order = ", ".join(names[a - 1] for a in axes)
                yield (f"{key}'s taps for each output read in ({order}) order where torch's kernel layout is ({', '.join(names)}) "
                       f"({key}.permute(0, {', '.join(map(str, axes))}).reshape({key}.shape): a kernel reshaped from another "
                       "layout where a transpose belongs)", current.permute(0, *axes).reshape(current.shape))
    if key in ("padding", "stride", "dilation") and isinstance(current, (int, tuple)) and getattr(func, "__name__", "").startswith("conv"):
        now = current if isinstance(current, int) else current[0]
        for other in (0, 1, 2) if key == "padding" else (1, 2):
            if other != now:
                yield f"{key}={other}", other


# a string argument's documented values, each tried where the port gives one (gelu's exact form against its tanh one)
STRING_OPTIONS = {"approximate": ("none", "tanh"), "padding_mode": ("zeros", "reflect", "replicate", "circular"),
                  "mode": ("sum", "mean", "max", "constant", "reflect", "replicate", "circular", "nearest", "linear", "bilinear"),
                  "nonlinearity": ("tanh", "relu")}


def options(key: str, current: Any, default: Any, dimensions: int = 0) -> list:
    if key == "reduction":
        return [r for r in ("mean", "sum") if r != current]
    if key == "p" and isinstance(current, int) and not isinstance(current, bool):  # an integer power (a hinge's), not
        return [v for v in (1, 2) if v != current]  # a dropout's float probability: the other usual power
    if key in ("stride", "dilation") and (current is None or isinstance(current, int) and not isinstance(current, bool)):
        return [v for v in (1, 2) if v != current]  # a pool's stride left at its default, the kernel size
    if key == "dim" and isinstance(current, int) and not isinstance(current, bool):
        return [d for d in range(dimensions) if d != current % max(dimensions, 1)]  # the other axes of the input
    if isinstance(current, str) and key in STRING_OPTIONS:
        return [option for option in STRING_OPTIONS[key] if option != current]
    if key in ("pad", "padding") and isinstance(current, (tuple, list)) and len(current) % 2 == 0 and len(set(current)) > 1:
        pairs = tuple(x for k in range(0, len(current), 2) for x in (current[k + 1], current[k]))  # (left, right) swapped
        return [option for option in dict.fromkeys([pairs, tuple(current[::-1])]) if option != tuple(current)]
    if isinstance(current, str) and isinstance(default, str) and current != default:
        return [default]
    if isinstance(current, bool):
        return [not current]
    if isinstance(current, int) and default is inspect.Parameter.empty:  # a count given by position (num_groups)
        return [k for k in range(1, 9) if k != current]
    if torch.is_tensor(current) and current.numel() == 1 and current.is_floating_point():  # a weight of one number:
        return [*([None] if default is None else []), current + 1, current - 1]  # left out, or off by one (1 + w for w)
    if torch.is_tensor(current) or isinstance(current, (int, float)) and default is None:
        return [None] if default is None else []  # a tensor argument left out; an option off by default (max_norm)
    if isinstance(current, (int, float)) and default is not inspect.Parameter.empty and isinstance(default, (int, float)) \
            and current != default:
        return [default]
    return []


BOUNDS = (("min", "max"), ("min_val", "max_val"), ("a_min", "a_max"))  # a clamp's two ends, as torch and NumPy name them


def bound_left_out(arguments: dict) -> list[tuple[str, float]]:
    """A clamp given one end only (clamp(z, max=6) where ReLU6's clip(z, 0, 6) is meant): the other end at 0."""
    return [(other, 0.0) for pair in BOUNDS for given, other in (pair, pair[::-1])
            if arguments.get(given) is not None and arguments.get(other) is None]

