"""Which NumPy array is which torch parameter: --param NUMPY_EXPR=TORCH_NAME[LAYOUT], or found by name and shape.

A layout says how the NumPy array reads the torch tensor:

    fc1.weight          the same array
    fc1.weight.T        its transpose (nn.Linear keeps (out, in); NumPy code often (in, out))
    conv.weight.permute(2,3,1,0)
                        its axes permuted, as torch's Tensor.permute: a kernel kept
                        (kh, kw, cin, cout) for im2col against torch's (cout, cin, kh, kw)
    fc1.bias.reshape(8,1)
                        the same entries with axes of size one added or dropped: a bias kept
                        as a column (h, 1) for W @ X.T against nn.Linear's (h,)

Every parameter of the port is paired with one NumPy array, or the run is
refused naming the unpaired ones: nothing is dropped, and nothing else the
program keeps (a gradient, a momentum, an Adam moment, a cache, a running
mean) is taken for a parameter.
"""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from parity.errors import InputError

# Arrays a program keeps beside its parameters, by the name of the attribute or dict that holds them: never taken
# for a parameter when pairs are found automatically.
NOT_PARAMETERS = re.compile(
    r"(^|_)(d|g|grads?|gradients?|m|v|ms|vs|mom|moments?|momentum|velocit(y|ies)|buf(fer)?s?|cache|caches|adam|opt(imizer)?|"
    r"state|running|exp|avg|ema|average|sq|sqr|prev|previous|old|last|best|mask|masks|x|y|X|Y|inputs?|outputs?|targets?|labels?|"
    r"data|acts?|activations?|z|a|h|hidden|delta|deltas|err(or)?s?|loss(es)?|history|hist|accum|s|r|u)(_|$|\d)",
)


@dataclass(frozen=True)
class Layout:
    """How a NumPy array reads a torch tensor: as it is, transposed, with its axes permuted, or with axes of size
    one added or dropped (the entries in the same order)."""

    axes: tuple[int, ...] | None = None  # None: as it is
    numpy_shape: tuple[int, ...] | None = None  # set for a reshape: the NumPy array's shape ...
    torch_shape: tuple[int, ...] | None = None  # ... and the torch tensor's

    @classmethod
    def parse(cls, text: str) -> Layout:
        if not text:
            return cls()
        if text == ".T":
            return cls((1, 0))
        reshaped = re.fullmatch(r"\.(?:reshape|view)\(([\d,\s]+)\)", text)
        if reshaped:
            return cls(numpy_shape=tuple(int(a) for a in reshaped.group(1).split(",") if a.strip()))
        found = re.fullmatch(r"\.permute\(([\d,\s]+)\)", text)
        if not found:
            raise InputError(f"layout {text!r}: expected .T, .permute(i,j,...) or .reshape(...) after the torch parameter's name")
        axes = tuple(int(a) for a in found.group(1).split(",") if a.strip())
        if sorted(axes) != list(range(len(axes))):
            raise InputError(f"layout {text!r}: the axes must be 0..{len(axes) - 1}, each once")
        return cls(axes)

    def describe(self) -> str:
        if self.numpy_shape is not None:
            return f".reshape({','.join(map(str, self.numpy_shape))})"
        if self.axes is None:
            return ""
        return ".T" if self.axes == (1, 0) else f".permute({','.join(map(str, self.axes))})"

    def to_numpy(self, torch_value: np.ndarray) -> np.ndarray:
        if self.numpy_shape is not None:
            return _contiguous(np.reshape(torch_value, self.numpy_shape))
        return _contiguous(torch_value if self.axes is None else np.transpose(torch_value, self.axes))

    def to_torch(self, numpy_value: np.ndarray) -> np.ndarray:
        if self.numpy_shape is not None:
            return _contiguous(np.reshape(numpy_value, self.torch_shape))
        return _contiguous(numpy_value if self.axes is None else np.transpose(numpy_value, np.argsort(self.axes)))

    def fits(self, numpy_shape: tuple, torch_shape: tuple) -> bool:
        if self.numpy_shape is not None:
            return tuple(numpy_shape) == self.numpy_shape and _unit_axes_apart(numpy_shape, torch_shape)
        if self.axes is None:
            return tuple(numpy_shape) == tuple(torch_shape)
        return len(self.axes) == len(torch_shape) and tuple(torch_shape[a] for a in self.axes) == tuple(numpy_shape)

    def for_torch(self, torch_shape: tuple) -> Layout:
        """The layout with the torch tensor's shape known (a reshape needs it to write a value back)."""
        return replace(self, torch_shape=tuple(torch_shape)) if self.numpy_shape is not None else self


def _unit_axes_apart(numpy_shape: tuple, torch_shape: tuple) -> bool:
    """The same entries in the same order, the shapes apart only by axes of size one: (h, 1) or (1, h) for (h,)."""
    return (tuple(numpy_shape) != tuple(torch_shape)
            and [n for n in numpy_shape if n != 1] == [n for n in torch_shape if n != 1])


def _contiguous(value: np.ndarray) -> np.ndarray:
    """A C-contiguous copy in the value's own shape: np.ascontiguousarray makes a 0-d scalar (a learned gate) 1-d."""
    return np.ascontiguousarray(value).reshape(np.shape(value))


@dataclass(frozen=True)
class Pair:
    """One parameter on both sides: a NumPy expression on `net`, a torch name in named_parameters(), the layout."""

    name: str  # the name reports use: the NumPy side's own (W1, C, fc1_weights)
    numpy: str  # an assignable expression on net: W1, params['W1'], layers[0].w
    torch: str
    layout: Layout = Layout()

    def describe(self) -> str:
        return f"{self.numpy} = {self.torch}{self.layout.describe()}"


def parse_pairs(given: tuple[str, ...]) -> list[tuple[str, str, Layout]]:
    """--param NUMPY_EXPR=TORCH_NAME[LAYOUT], as (numpy expression, torch name, layout)."""
    found = []
    for text in given:
        numpy_expr, equals, torch_text = text.rpartition("=")
        numpy_expr, torch_text = numpy_expr.strip().removeprefix("net."), torch_text.strip()
        match = re.fullmatch(r"([A-Za-z_][\w.]*?)((?:\.T|\.(?:permute|reshape|view)\([\d,\s]+\))?)", torch_text)
        if not equals or not numpy_expr or not match:
            raise InputError(f"--param {text!r}: expected NUMPY_EXPR=TORCH_NAME, e.g. W1=fc1.weight.T or "
                             f"\"params['C']=emb.weight\" or K=conv.weight.permute(2,3,1,0) or b1=fc1.bias.reshape(8,1)")
        _check_assignable(numpy_expr, text)
        found.append((numpy_expr, match.group(1), Layout.parse(match.group(2))))
    return found


def _check_assignable(expression: str, text: str) -> None:
    try:
        tree = ast.parse(expression, mode="eval").body
    except SyntaxError:
        raise InputError(f"--param {text!r}: {expression!r} is not a Python expression") from None
    if not isinstance(tree, (ast.Name, ast.Attribute, ast.Subscript)):
        raise InputError(f"--param {text!r}: {expression!r} is not something a value can be written to")


def report_name(expression: str) -> str:
    """W1 for W1, params['W1'], self.W1; weights_1 for weights[1]; h1_b1 for params['h1.b1'] (a report's names hold no
    dot but the one before a state's kind: W1.m, W1.grad)."""
    keys = re.findall(r"\[\s*['\"]([^'\"]+)['\"]\s*\]", expression)
    if keys:
        return re.sub(r"\W", "_", keys[-1])
    index = re.fullmatch(r"(.*?)\[\s*(-?\d+)\s*\]", expression)
    if index:
        return f"{report_name(index.group(1))}_{index.group(2)}"
    return expression.rpartition(".")[2]


def numpy_candidates(net: Any) -> dict[str, np.ndarray]:
    """Every floating-point array the program keeps where a parameter may live: its attributes, and the values of
    its dicts and lists one level down, by an expression on net; none under a name of gradients, optimizer state,
    caches or data (NOT_PARAMETERS)."""
    found: dict[str, np.ndarray] = {}
    for attribute, value in sorted(vars(net).items()) if hasattr(net, "__dict__") else ():
        if attribute.startswith("__") or NOT_PARAMETERS.search(attribute):
            continue
        if _is_float_array(value):
            found[attribute] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and _is_float_array(item):
                    found[f"{attribute}[{key!r}]"] = item
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if _is_float_array(item):
                    found[f"{attribute}[{index}]"] = item
    return found


def _is_float_array(value: Any) -> bool:
    return isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.size > 0


def pair_parameters(net: Any, torch_shapes: dict[str, tuple], given: tuple[str, ...]) -> list[Pair]:
    """Every torch parameter paired with a NumPy array: as --param gives, the rest by shape (as it is, or transposed
    for a 2-D weight), where exactly one NumPy array fits. Refused, in one line, where any parameter of either
    side is left unpaired or a pair does not fit."""
    pairs: list[Pair] = []
    for numpy_expr, torch_name, layout in parse_pairs(given):
        if layout.axes is not None and torch_name not in torch_shapes and torch_name + layout.describe() in torch_shapes:
            torch_name, layout = torch_name + layout.describe(), Layout()  # a parameter named T (params.T), as it is
        if torch_name not in torch_shapes:
            raise InputError(f"--param {numpy_expr}={torch_name}: the port has no parameter {torch_name!r} "
                             f"(it has {', '.join(torch_shapes) or 'none'})")
        value = _read(net, numpy_expr)
        if not layout.fits(np.shape(value), torch_shapes[torch_name]):
            raise InputError(f"--param {numpy_expr}={torch_name}{layout.describe()}: the NumPy array has shape "
                             f"{np.shape(value)}, the port's {torch_name} {tuple(torch_shapes[torch_name])}"
                             f"{' read as ' + layout.describe() if layout.describe() else ''}; give the layout (.T, .permute(...), .reshape(...))")
        pairs.append(Pair(report_name(numpy_expr), numpy_expr, torch_name, layout.for_torch(torch_shapes[torch_name])))
    taken_torch = {p.torch for p in pairs}
    taken_numpy = {p.numpy for p in pairs}
    candidates = {e: v for e, v in numpy_candidates(net).items() if e not in taken_numpy}
    pairs += _by_shape({n: s for n, s in torch_shapes.items() if n not in taken_torch}, candidates)
    unpaired_torch = [n for n in torch_shapes if n not in {p.torch for p in pairs}]
    if unpaired_torch:
        shown = ", ".join(f"{n} {tuple(torch_shapes[n])}" for n in unpaired_torch)
        arrays = ", ".join(f"{e} {v.shape}" for e, v in candidates.items()) or "none"
        raise InputError(f"no NumPy array pairs with the port's {shown} by shape alone (NumPy arrays left: {arrays}); "
                         f"name each with --param NUMPY_EXPR=TORCH_NAME[.T|.permute(...)|.reshape(...)]")
    return _in_port_order(_named_apart(pairs), torch_shapes)


def _by_shape(torch_shapes: dict[str, tuple], candidates: dict[str, np.ndarray]) -> list[Pair]:
    """Pairs found by shape: each torch parameter with the one NumPy array that fits it (as it is, else transposed,
    else with its axes permuted, the permutation closest to the torch order). Where several parameters of a shape
    meet as many arrays of it (fc1.bias, bn.weight, bn.bias against b1, gamma, beta), in the order each side
    declares them. Pairs taken are removed from candidates."""
    found: list[Pair] = []
    groups: dict[tuple, list[str]] = {}
    for name, shape in torch_shapes.items():
        layout = next((layout for layout in _layouts(shape) if any(layout.fits(v.shape, shape) for v in candidates.values())), None)
        if layout is None:  # a bias kept as a column or a row: only where no array fits as it is or permuted
            layout = next((Layout(numpy_shape=v.shape, torch_shape=tuple(shape)) for v in candidates.values()
                           if _unit_axes_apart(v.shape, shape)), None)
        if layout is not None:
            groups.setdefault((tuple(shape), layout), []).append(name)
    for (shape, layout), names in groups.items():
        fitting = [e for e, v in candidates.items() if layout.fits(v.shape, shape)]
        if len(fitting) == len(names):
            for torch_name, expression in zip(names, fitting):
                found.append(Pair(report_name(expression), expression, torch_name, layout))
                candidates.pop(expression)
    return found


def _layouts(shape: tuple) -> list[Layout]:
    """The layouts tried, in order: as it is; transposed (a 2-D weight); permuted, fewest axes out of order first."""
    if len(shape) == 2:
        return [Layout(), Layout((1, 0))]
    if len(shape) < 3:
        return [Layout()]
    orders = sorted(itertools.permutations(range(len(shape))), key=_inversions)
    return [Layout()] + [Layout(order) for order in orders[1:]]


def _inversions(order: tuple[int, ...]) -> int:
    return sum(1 for i in range(len(order)) for j in range(i + 1, len(order)) if order[i] > order[j])


def _named_apart(pairs: list[Pair]) -> list[Pair]:
    """Pairs whose short names clash (W of layers[0]['W'] and of layers[1]['W']) named by their whole path instead
    (layers_0_W, layers_1_W); refused in one line where those clash too."""
    short = [p.name for p in pairs]
    named = [replace(p, name=path_name(p.numpy)) if short.count(p.name) > 1 else p for p in pairs]
    names = [p.name for p in named]
    for pair in named:
        if names.count(pair.name) > 1:
            raise InputError(f"two parameters would both be reported as {pair.name!r}: name them apart with --param")
    return named


def path_name(expression: str) -> str:
    """A name from every step of an expression's path: layers_0_W for layers[0]['W'], enc_W for net.enc['W']."""
    steps = re.findall(r"[A-Za-z_]\w*|\d+", expression)
    return "_".join(step for step in steps if step not in ("net", "self", "params")) or expression


def _in_port_order(pairs: list[Pair], torch_shapes: dict[str, tuple]) -> list[Pair]:
    order = list(torch_shapes)
    return sorted(pairs, key=lambda p: order.index(p.torch))


def on_net(net: Any) -> dict[str, Any]:
    """The names an expression on the network sees: its attributes, and net itself."""
    return {**(vars(net) if hasattr(net, "__dict__") else {}), "net": net}


def evaluate_on(net: Any, expression: str) -> Any:
    return eval(expression, {"np": np}, on_net(net))


def _read(net: Any, expression: str) -> np.ndarray:
    try:
        value = evaluate_on(net, expression)
    except Exception as error:
        raise InputError(f"--param {expression}: cannot read it from the network ({type(error).__name__}: {error})") from None
    if not isinstance(value, np.ndarray) or value.dtype.kind != "f":
        raise InputError(f"--param {expression}: holds {type(value).__name__}, not a floating-point NumPy array")
    return value
