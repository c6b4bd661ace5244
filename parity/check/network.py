"""How to load and drive the user's network: the FILE.py:NAME, --init, --step, --param and --output of `parity check`."""

from __future__ import annotations

from dataclasses import dataclass, field

from parity.engine.record import PARAMS
from parity.errors import InputError


@dataclass(frozen=True)
class UserNetwork:
    """How to load and drive the user's network."""

    target: str  # FILE.py:NAME
    init: str = ""  # an expression; empty means NAME(X, y)
    step: str = "net.feedforward(); net.backprop()"
    params: dict[str, str] = field(default_factory=dict)  # kit name (W1...) -> attribute
    output: str | None = None

    @property
    def path(self) -> str:
        return self.target.rpartition(":")[0]

    @property
    def class_name(self) -> str:
        return self.target.rpartition(":")[2]

    @property
    def init_expression(self) -> str:
        return self.init or f"{self.class_name}(X, y)"

    def to_dict(self) -> dict:
        return {"network": self.target, "init": self.init_expression, "step": self.step, "params": self.params, "output": self.output}


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """--param ATTR=NAME, repeatable, into {NAME: ATTR}."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        attribute, _, name = pair.partition("=")
        attribute, name = attribute.strip(), name.strip()
        if not attribute or name not in PARAMS:
            raise InputError(f"--param {pair!r}: expected ATTR=NAME with NAME one of {', '.join(PARAMS)}, e.g. weights1=W1")
        if name in mapping:
            raise InputError(f"--param maps {name} twice ({mapping[name]} and {attribute})")
        mapping[name] = attribute
    return mapping


def labelled(attribute: str, name: str) -> str:
    """The user's attribute, with the kit's name beside it only where the two differ: weights1 (W1), but W1."""
    return attribute if attribute == name else f"{attribute} ({name})"
