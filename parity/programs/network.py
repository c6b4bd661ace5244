"""How to load and drive the user's network: the FILE.py:NAME, --init, --step, --param and --output of `parity check`."""

from __future__ import annotations

from dataclasses import dataclass, field

from parity.programs.locations import Location, parse_location
from parity.errors import InputError, expect

DEFAULT_STEP = "net.feedforward(); net.backprop()"


@dataclass(frozen=True)
class UserNetwork:
    """How to load and drive the user's network."""

    target: str  # FILE.py:NAME
    init: str = ""  # an expression; empty means NAME(X, y)
    step: str = DEFAULT_STEP
    params: tuple[str, ...] = field(default_factory=tuple)  # --param EXPR=NAME[.T], as given
    output: str | None = None  # an expression on the network holding the step's forward output
    quiet: bool = False  # silence the network's own prints

    def __post_init__(self) -> None:
        checked_fields(self, {"output": (str, type(None)), "quiet": bool})

    @property
    def path(self) -> str:
        return self.target.rpartition(":")[0]

    @property
    def class_name(self) -> str:
        return self.target.rpartition(":")[2]

    @property
    def init_expression(self) -> str:
        return self.init or f"{self.class_name}(X, y)"

    def locations(self) -> dict[str, Location]:
        return parse_params(self.params)

    def to_dict(self) -> dict:
        return {"network": self.target, "init": self.init_expression, "step": self.step, "params": list(self.params),
                "output": self.output, "quiet": self.quiet}

    @classmethod
    def from_dict(cls, fields: dict) -> UserNetwork:
        try:
            init = fields["init"] if fields["init"] != f"{fields['network'].rpartition(':')[2]}(X, y)" else ""
            return cls(fields["network"], init, fields["step"], tuple(fields.get("params", ())), fields.get("output"), bool(fields.get("quiet")))
        except (KeyError, TypeError, AttributeError) as error:
            raise InputError(f"the report's network block does not fit: {error}") from None


def parse_params(pairs: tuple[str, ...]) -> dict[str, Location]:
    """--param EXPR=NAME[.T], repeatable, into {NAME: Location}."""
    mapping: dict[str, Location] = {}
    for pair in pairs:
        location, name = parse_location(pair)
        if name in mapping:
            raise InputError(f"--param maps {name} twice ({mapping[name].describe()} and {location.describe()})")
        mapping[name] = location
    return mapping


def labelled(attribute: str, name: str) -> str:
    """The user's attribute, with the kit's name beside it only where the two differ: weights1 (W1), but W1."""
    return attribute if attribute == name else f"{attribute} ({name})"


def checked_fields(program: object, kinds: dict[str, type | tuple[type, ...]]) -> None:
    """A UserNetwork's or a TorchPort's fields: strings (target FILE.py:NAME, code), params a list of strings, and
    those of other kinds in kinds; one line naming the field otherwise."""
    for name, value in vars(program).items():
        kind = kinds.get(name, str)
        if name == "params":
            expect(name, value, (list, tuple), "a list of strings such as ['weights1=W1']")
            for item in value:
                expect(name, item, str, "a list of strings such as ['weights1=W1']")
            object.__setattr__(program, name, tuple(value))
        else:
            expect(name, value, kind, "FILE.py:NAME" if name == "target" else "true or false" if kind is bool else "a string")
