"""One program's code as the user gives it: how it is built, one step, and what is read from it.

--init (--torch-init) is an expression that builds the network (`net`; the
port's `model`), or statements that leave `net` (`model`) and whatever else
should persist into every step: an optimizer, a schedule, a counter.
--step (--torch-step) is one training step: an expression (its value, a
number, is the step's loss) or statements (a `loss` they leave is); or
--backward then --update (--torch-backward, --torch-update), the step split
where the gradients are made, so that the diagnosis can give one program's
gradients to the other's update. The
loss can instead be read before the step, at the step's parameters, with
--loss-expr (--torch-loss-expr); the output after it, with --output
(--torch-output); the NumPy side's gradients with --grads (a dict keyed like
the parameters).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parity.errors import InputError
from parity.programs.user_code import UserCode


def _compiled(source: str, option: str) -> tuple[Any, bool]:
    """(code, is_expression)."""
    try:
        return compile(source, f"<{option}>", "eval"), True
    except SyntaxError:
        try:
            return compile(source, f"<{option}>", "exec"), False
        except SyntaxError as error:
            raise InputError(f"{option} {source!r} is not valid Python: {error.msg}") from None


@dataclass
class Program:
    side: str  # "NumPy" or "torch", for messages
    prefix: str  # "" for the NumPy program's options, "--torch" for the port's
    main: str  # the name the built network takes: net, or model
    init: str
    step: str
    loss: str = ""
    output: str = ""
    grads: str = ""
    state: dict[str, str] = field(default_factory=dict)  # torch's state key -> a dict on the NumPy side keyed like the parameters
    backward: str = ""  # with update: the step split in two, so that one side's gradients can feed the other's update
    update: str = ""
    supplied: list[str] = field(default_factory=list)  # what the kit put in where the program gave nothing
    state_names: set[str] = field(default_factory=set)  # the names --init left, which every step sees

    def option(self, kind: str) -> str:
        names = {"init": "init", "step": "step", "loss": "loss-expr", "output": "output", "grads": "grads",
                 "backward": "backward", "update": "update"}
        return f"{self.prefix}-{names[kind]}" if self.prefix else f"--{names[kind]}"

    def what(self, kind: str) -> str:
        return self.option(kind)

    def build(self, code: UserCode, scope: dict[str, Any]) -> dict[str, Any]:
        """Run --init in the scope; the names it left (at least `main`)."""
        compiled, expression = _compiled(self.init, self.option("init"))
        before = dict(scope)
        if expression:
            scope[self.main] = code.run_user(lambda: eval(compiled, scope), self.option("init"))
        else:
            code.run_user(lambda: exec(compiled, scope), self.option("init"))
        if scope.get(self.main) is None:
            raise InputError(f"{self.option('init')} {self.init!r} left no {self.main!r}: an expression that builds it, "
                             f"or statements that assign {self.main} = ...")
        left = {k: v for k, v in scope.items() if k not in before or before[k] is not v}
        self.state_names = set(left) - {"__builtins__"}
        return {k: left[k] for k in self.state_names}

    @property
    def split(self) -> bool:
        return bool(self.backward and self.update)

    def run_step(self, code: UserCode, scope: dict[str, Any], step: int) -> Any:
        """One step: --step, or --backward then --update; the step's loss where it gives one."""
        if self.split:
            loss = self.run(code, "backward", scope, step)
            self.run(code, "update", scope, step)
            return loss
        return self.run(code, "step", scope, step)

    def run(self, code: UserCode, kind: str, scope: dict[str, Any], step: int) -> Any:
        compiled, expression = _compiled(getattr(self, kind), self.option(kind))
        if expression:
            return code.run_user(lambda: eval(compiled, scope), self.option(kind), step)
        had = scope.get("loss")
        code.run_user(lambda: exec(compiled, scope), self.option(kind), step)
        loss = scope.get("loss")
        return loss if loss is not had else None

    def evaluate(self, code: UserCode, kind: str, scope: dict[str, Any], step: int) -> Any:
        compiled, expression = _compiled(getattr(self, kind), self.option(kind))
        if not expression:
            raise InputError(f"{self.option(kind)} {getattr(self, kind)!r}: expected an expression")
        return code.run_user(lambda: eval(compiled, scope), f"reading {self.option(kind)}", step)
