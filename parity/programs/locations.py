"""Where a parameter lives in the user's network: an assignable expression on it, perhaps stored transposed.

    weights1            an attribute
    weights[0]          an item of a list
    params["W1"]        an entry of a dict
    layers[1].w         an attribute of an object in a list
    wih  with .T        a weight stored (out, in): the kit reads wih.T as its W (in, out)

The expression is evaluated on the network object (`net`); a leading
`self.` or `net.` is dropped, so the attribute path from the user's own
code works as written.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from parity.errors import InputError


@dataclass(frozen=True)
class Location:
    expression: str
    transposed: bool = False
    _read: Any = field(init=False, repr=False, compare=False)
    _write: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        path = self.expression.strip()
        for prefix in ("self.", "net."):
            path = path.removeprefix(prefix)
        object.__setattr__(self, "expression", path)
        try:
            assignment = ast.parse(f"net.{path} = value", mode="exec")
            read = compile(f"net.{path}", f"<{path}>", "eval")
        except SyntaxError:
            raise InputError(f"--param {path!r}: not an assignable expression on the network (e.g. weights1, weights[0], params['W1'])") from None
        object.__setattr__(self, "_read", read)
        object.__setattr__(self, "_write", compile(assignment, f"<{path}>", "exec"))

    def describe(self) -> str:
        return f"{self.expression}.T" if self.transposed else self.expression

    def raw(self, net: Any) -> Any:
        """The value as the network holds it."""
        return eval(self._read, {"net": net})

    def read(self, net: Any) -> np.ndarray:
        """A copy of the value, in the kit's layout (a weight stored (out, in) comes back (in, out))."""
        value = np.array(self.raw(net), copy=True)
        return value.T.copy() if self.transposed else value

    def write(self, net: Any, value: np.ndarray, shape: tuple[int, ...]) -> None:
        """Store a kit-layout value in the network's own layout and shape.

        Into the existing array where it has that shape and dtype, so that
        anything else holding it (an optimizer's list, a layer object)
        sees the new value; as a fresh array otherwise.
        """
        stored = (value.T if self.transposed else value).reshape(shape)
        current = self.raw(net)
        if isinstance(current, np.ndarray) and current.shape == shape and current.dtype == stored.dtype and current.flags.writeable:
            current[...] = stored
        else:
            exec(self._write, {"net": net, "value": np.array(stored, copy=True)})


def parse_location(text: str) -> tuple[Location, str]:
    """EXPR=NAME or EXPR=NAME.T into (Location, NAME)."""
    expression, _, name = text.rpartition("=")
    name = name.strip()
    transposed = name.endswith(".T")
    name = name.removesuffix(".T")
    if not expression.strip() or not (name[:1] in ("W", "b") and name[1:].isdigit() and int(name[1:]) >= 1):
        raise InputError(f"--param {text!r}: expected EXPR=NAME with NAME one of W1..WL, b1..bL (add .T for a weight stored (out, in)), e.g. weights1=W1")
    if transposed and name[0] == "b":
        raise InputError(f"--param {text!r}: a bias has no layout to transpose; drop the .T")
    return Location(expression.strip(), transposed), name
