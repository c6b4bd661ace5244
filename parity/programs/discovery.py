"""Finding the user's parameters: the weights whose shapes chain from the inputs to the outputs, then the biases.

Candidates are the float arrays reachable from the network: its attributes,
the items of its lists and dicts, and the attributes of objects in its lists
(`layers[1].w`). The weights are the 2-D arrays whose shapes chain from the
data's inputs to its outputs, each either (in, out) or stored transposed
(out, in); names decide between chains (weights1, W, theta before anything
else), and names that look like gradients, optimizer buffers or activations
are passed over. The biases are the vectors, (h,), (1, h) or (h, 1), of
each layer's width. Whatever --param names is taken as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

import numpy as np

from parity.programs.locations import Location
from parity.errors import InputError

WEIGHT_NAME = re.compile(r"^w|(^|_)(weights?|wih|who|whh|wi|wh|wo|theta|kernel|coef|syn)(\d+|_|$)", re.IGNORECASE)
BIAS_NAME = re.compile(r"^b|(^|_)(bias|biases|bh|bo|intercept)(\d+|_|$)", re.IGNORECASE)
NOT_A_PARAMETER = re.compile(
    r"(grad|delta|veloc|momentum|cache|prev|buffer|moment|running|^(m|v|s|r|mt|vt)$|adam|rms|_sq|sq_|avg|average|(^|_)ema(_|\d|$)|accum|^d[_A-Z0-9]|^d(w|b)|^(v|m|s)_|^(v|m|s)(w|b)\d*$)",
    re.IGNORECASE,
)
ACTIVATION_NAME = re.compile(r"^(a|z|h|o|out|output|outputs|hidden|layer\d*|activation|act|input|inputs|x|y|target|label)s?_?\d*$", re.IGNORECASE)
MAX_CHAINS = 20_000
# names of parameters outside the dense family: a normalisation's scale and shift, an embedding table, a kernel
WEIGHT_LIKE = re.compile(r"^(gamma|beta|scale|shift|emb\w*|wte|wpe|c|e|k|kernel\w*|filters?)\d*$", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    location: Location
    name: str  # what the value is called where it is held: the attribute, or a dict's key
    shape: tuple[int, ...]
    order: int  # position in the network's own order of definition

    @property
    def weight_named(self) -> bool:
        return bool(WEIGHT_NAME.search(self.name))

    @property
    def bias_named(self) -> bool:
        return bool(BIAS_NAME.search(self.name))


@dataclass
class Discovery:
    locations: dict[str, Location]  # W1, b1, ... -> where
    sizes: tuple[int, ...]  # inputs, hidden..., outputs
    found: tuple[str, ...]  # the names discovery filled in (the rest were given)
    square_layout_assumed: tuple[str, ...] = ()  # square weights whose layout no shape could tell

    @property
    def bias(self) -> bool:
        return "b1" in self.locations


def candidates(net: Any, data: tuple[np.ndarray, ...]) -> list[Candidate]:
    """Every float array the network holds that could be a parameter, in its order of definition."""
    found = []
    for path, name, value in _walk(net):
        array = np.asarray(value) if isinstance(value, np.ndarray) else None
        if array is None or array.dtype.kind != "f" or array.ndim not in (1, 2) or array.size == 0:
            continue
        holder = re.split(r"[\[.]", path, maxsplit=1)[0]  # grads['W1'], m['W1']: the dict says what its items are
        if NOT_A_PARAMETER.search(name) or (holder != name and NOT_A_PARAMETER.search(holder)) or any(_same(array, d) for d in data):
            continue
        found.append(Candidate(Location(path), name, array.shape, len(found)))
    return found


def _walk(net: Any) -> Iterator[tuple[str, str, Any]]:
    for attribute, value in vars(net).items() if hasattr(net, "__dict__") else ():
        if attribute.startswith("__"):
            continue
        yield attribute, attribute, value
        if isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                yield f"{attribute}[{i}]", attribute, item
                if hasattr(item, "__dict__") and not isinstance(item, (type, np.ndarray)):
                    for sub, sub_value in vars(item).items():
                        yield f"{attribute}[{i}].{sub}", sub, sub_value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, (str, int)):
                    yield f"{attribute}[{key!r}]", str(key) if isinstance(key, str) else attribute, item


def _same(array: np.ndarray, data: np.ndarray) -> bool:
    return (array.shape == data.shape and np.array_equal(array, data)) or (array.shape == data.T.shape and np.array_equal(array, data.T))


def discover(net: Any, X: np.ndarray, y: np.ndarray, given: dict[str, Location]) -> Discovery:
    """The network's parameters: those given, and the rest found by shape and name."""
    for name, location in given.items():
        _check_given(net, name, location, X.shape[1])
    pool = [c for c in candidates(net, (X, y)) if c.location.expression not in {g.expression for g in given.values()}]
    pool = _without_copies(net, pool)
    given_weights = {name: loc for name, loc in given.items() if name[0] == "W"}
    chain = _weight_chain(net, X.shape[1], y.shape[1], pool, given_weights, rows=len(X))
    if chain is None:
        raise InputError(_no_chain_message(X.shape[1], y.shape[1], pool, given_weights))
    sizes, weights = chain
    weights = _consistent_layout(net, weights, given)
    locations = dict(weights)
    used = {loc.expression for loc in locations.values()}
    biases = _biases(net, sizes, [c for c in pool if c.location.expression not in used], given)
    locations.update(biases)
    if set(given) != set(locations):  # every parameter named with --param: what else the network holds is its own
        _refuse_what_the_family_has_no_place_for(net, pool, list(locations.values()), len(X))
    found = tuple(name for name in locations if name not in given)
    square = tuple(name for name, loc in weights.items() if name not in given and _is_square(net, loc))
    ordered = {name: locations[name] for name in sorted(locations, key=lambda n: (int(n[1:]), n[0] == "b"))}
    return Discovery(ordered, sizes, found, square)


def _refuse_what_the_family_has_no_place_for(net: Any, pool: list[Candidate], placed: list[Location], rows: int) -> None:
    """Arrays left over that look like parameters (not activations, not one row per example): a layer the dense
    family has no place for (batch norm's gamma and beta, a recurrent weight, an embedding). Refused rather than
    dropped: checked as written against the user's port, or named with --param."""
    # a container whose items mirror the parameters, key for key and shape for shape (vel['W1'] beside W1), is the
    # optimizer's state, whatever the container is called; an array equal to a parameter or its transpose is a cache
    used = {loc.expression for loc in placed}
    mirrored = {(c.name, c.shape) for c in pool if c.location.expression in used}
    values = [np.asarray(loc.raw(net)) for loc in placed]
    left = [c for c in pool if c.location.expression not in used and not ACTIVATION_NAME.match(c.name)
            and c.shape[0] != rows and (c.weight_named or c.bias_named or len(c.shape) == 1 or WEIGHT_LIKE.match(c.name))
            and not (c.location.expression != c.name and (c.name, c.shape) in mirrored) and not _a_copy(np.asarray(c.location.raw(net)), values)]
    if left:
        shown = ", ".join(f"{c.location.expression} {c.shape}" for c in left)
        raise InputError(f"the network holds parameters the kit's dense family has no place for ({shown}): check it as "
                         f"written against your PyTorch port (--torch PORT.py:NAME), or name its parameters with --param")


def _without_copies(net: Any, pool: list[Candidate]) -> list[Candidate]:
    """The pool less each array equal to an earlier one (not constant) or to its transpose: a copy the network keeps
    (self.W2T = self.W2.T at construction) is no layer of its own."""
    kept, values = [], []
    for c in pool:
        value = np.asarray(c.location.raw(net))
        if not _a_copy(value, [v for v in values if np.ptp(v) > 0]):
            kept.append(c)
            values.append(value)
    return kept


def _a_copy(value: np.ndarray, parameters: list[np.ndarray]) -> bool:
    """A value equal to a parameter, or to its transpose, as the network was built: a copy it keeps (W.T cached)."""
    return any((p.shape == value.shape and np.array_equal(p, value)) or (p.T.shape == value.shape and np.array_equal(p.T, value))
               for p in parameters)


def _check_given(net: Any, name: str, location: Location, inputs: int) -> None:
    """A --param location must be readable, numeric, and (for W1) start from the data's inputs."""
    option = f"--param {location.describe()}={name}"
    try:
        value = location.read(net)
    except Exception as error:
        raise InputError(f"{option}: the network has no such value ({type(error).__name__}: {error})") from None
    if value.dtype.kind not in "biuf" or value.ndim not in (1, 2):
        raise InputError(f"{option}: expected a 1-D or 2-D array of numbers, got {value.dtype} of shape {value.shape}")
    if name == "W1" and value.ndim == 2 and value.shape[0] != inputs:
        hint = f"; it looks stored (out, in): use {location.expression}={'W1' if location.transposed else 'W1.T'}" if value.shape[1] == inputs else ""
        raise InputError(f"{option}: {location.describe()} has shape {value.shape}, but W1 must have {inputs} rows, the data's inputs (NumPy layout){hint}")


def _consistent_layout(net: Any, weights: dict[str, Location], given: dict[str, Location]) -> dict[str, Location]:
    """A square weight fits either layout; authors store every weight one way, so it takes the others' layout."""
    telling = [loc.transposed for name, loc in weights.items() if not _is_square(net, loc)]
    if not telling or telling.count(True) <= len(telling) / 2:
        return weights
    return {name: Location(loc.expression, True) if _is_square(net, loc) and name not in given else loc for name, loc in weights.items()}


def _is_square(net: Any, location: Location) -> bool:
    shape = np.shape(location.raw(net))
    return len(shape) == 2 and shape[0] == shape[1]


def _weight_chain(net, inputs, outputs, pool, given, rows):
    """(sizes, {W_l: Location}) of the best chain of weights from `inputs` to `outputs`, or None."""
    weights = [
        c for c in pool
        if len(c.shape) == 2 and not (c.bias_named and not c.weight_named)
        and not (c.shape[0] == rows and not c.weight_named and ACTIVATION_NAME.match(c.name))
    ]
    best, best_rank, explored = None, None, 0

    def extend(size, chain, used):
        nonlocal best, best_rank, explored
        explored += 1
        layer = len(chain) + 1
        if size == outputs and chain and not any(int(n[1:]) >= layer for n in given):
            named = sum(c.weight_named for _, c, _ in chain if c)
            rank = (named, -(len(chain) - named), -sum(c.order for _, c, _ in chain if c))
            if best_rank is None or rank > best_rank:
                best, best_rank = list(chain), rank
        if explored > MAX_CHAINS or layer > 12:
            return
        for option in _options(net, f"W{layer}", size, weights, given, used):
            candidate, location, out = option
            extend(out, chain + [(f"W{layer}", candidate, location)], used | {location.expression})

    extend(inputs, [], frozenset())
    if best is None:
        return None
    sizes = [inputs]
    for name, _, location in best:
        sizes.append(location.read(net).shape[1])
    return tuple(sizes), {name: location for name, _, location in best}


def _options(net, name, size, weights, given, used):
    """(candidate or None, location, width out) for every way layer `name` can continue a chain at `size`."""
    if name in given:
        shape = given[name].read(net).shape
        if len(shape) == 2 and shape[0] == size:
            yield None, given[name], shape[1]
        return
    ranked = sorted(weights, key=lambda c: (not c.weight_named, c.order))
    for c in ranked:
        if c.location.expression in used:
            continue
        rows, columns = c.shape
        if rows == size:
            yield c, c.location, columns
        if columns == size and rows != columns:
            yield c, Location(c.location.expression, transposed=True), rows


def _biases(net, sizes, pool, given) -> dict[str, Location]:
    """b_l for every layer, or none at all: the twin has a bias in every layer or in none."""
    vectors = [c for c in pool if len(c.shape) == 1 or 1 in c.shape]
    found: dict[str, Location] = {}
    used: set[str] = set()
    for layer, width in enumerate(sizes[1:], 1):
        name = f"b{layer}"
        if name in given:
            found[name] = given[name]
            continue
        fitting = [
            c for c in vectors
            if c.location.expression not in used and int(np.prod(c.shape)) == width
            and (c.bias_named or not ACTIVATION_NAME.match(c.name))
        ]
        fitting.sort(key=lambda c: (not c.bias_named, c.order))
        if fitting:
            found[name] = fitting[0].location
            used.add(fitting[0].location.expression)
    if 0 < len(found) < len(sizes) - 1:
        if not any(name in given for name in found):
            return {}  # stray vectors, not a bias in every layer: a network without biases
        missing = [f"b{layer}" for layer in range(1, len(sizes)) if f"b{layer}" not in found]
        raise InputError(f"no bias found for {', '.join(missing)}: the torch twin has a bias in every layer or in none; name it with --param EXPR={missing[0]}")
    return found


def _no_chain_message(inputs, outputs, pool, given) -> str:
    shapes = ", ".join(f"{c.location.expression} {c.shape}" for c in pool if len(c.shape) == 2) or "none"
    return (
        f"found no weights whose shapes chain from the data's {inputs} inputs to its {outputs} outputs "
        f"(2-D arrays on the network: {shapes}); name them with --param EXPR=W1, --param EXPR=W2, ..."
    )
