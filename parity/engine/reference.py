"""The float64 reference of a step: both programs copied into float64 and stepped once from the same start.

Which start: in lockstep, the NumPy side's parameters before the step, and,
where both sides can take it (the kit's own twins), the NumPy side's
optimizer state as well, so that the two float64 records differ by nothing
but the programs. In free mode each side starts from its own parameters and
state: how far rounding has carried them apart is what free mode measures.
A side that cannot be set to a given state (a user's program, a port) is
copied into float64 just before the step instead, keeping its own state:
its state's float32 rounding of earlier steps is then carried into the
reference (a stateful optimizer in `parity check`; see docs/tolerance.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from parity.engine.batches import Rows
from parity.engine.device_record import host
from parity.engine.sides import Side


def settable(side: Side) -> bool:
    """A side that makes its own float64 copy at any parameters and optimizer state (reference_from)."""
    return callable(getattr(side, "reference_from", None))


class StepReferences:
    """Float64 records of one step of both programs, made only when asked for."""

    def __init__(self, numpy: Side, torch: Side, step_both: Callable | None = None) -> None:
        """step_both(numpy, torch, rows): the two records of a step, as the run steps its own sides (at once where
        that pays: parity.engine.threads)."""
        self.numpy, self.torch = numpy, torch
        self.step_both = step_both or (lambda numpy, torch, rows: (numpy.step(rows), torch.step(rows)))
        self.copies: tuple[Side, Side] | None = None  # copies taken before the step, for sides not settable
        self.failed: str | None = None  # why the sides could not be copied, once they could not

    @property
    def needs_copies(self) -> bool:
        return not (settable(self.numpy) and settable(self.torch))

    def before_step(self) -> None:
        """Copy both sides into float64 as they stand, where they cannot be set to a state after the step."""
        if self.needs_copies and self.failed is None:
            try:
                self.copies = (self.numpy.promoted(), self.torch.promoted())
            except Exception as error:  # a program that cannot be copied: the tensor is judged by the element-wise rule
                self.copies = None
                self.failed = f"{type(error).__name__}: {error}"

    def of_step(self, rows: Rows, mode: str, numpy_before: Mapping, numpy_previous: Mapping, torch_before: Mapping,
                torch_previous: Mapping) -> Callable[[], tuple[Mapping, Mapping] | str]:
        """This step's references, to be made only if asked for. Where they start: the NumPy side's parameters and
        state for both in lockstep, so that nothing but the programs differs; each side its own in free mode."""
        def made() -> tuple[Mapping, Mapping] | str:  # the starts are merged only for a step that takes a reference
            narrower = getattr(getattr(self.torch, "side", self.torch), "narrower", ())
            if narrower:  # its float64 copy computes in float64, while the program that ran rounded to fewer bits
                return (f"the torch side's step computes in {' and '.join(narrower)} (torch.autocast, .half() or "
                        ".bfloat16()), narrower than the run's dtype: no float64 copy speaks for it, and its difference "
                        "is not taken as rounding")
            numpy_start = {**numpy_before, **numpy_previous}
            torch_start = numpy_start if mode == "lockstep" else {**torch_before, **torch_previous}
            return self.records(rows, numpy_start, torch_start)

        return made

    def records(self, rows: Rows, numpy_start: Mapping, torch_start: Mapping) -> tuple[Mapping, Mapping] | str:
        """(NumPy record, torch record) in float64, each side from the parameters and state given (the parameters
        alone for a side copied before the step); a line saying why not where they cannot be made."""
        params = {name: value for name, value in torch_start.items() if "." not in name and name != "step_count"}
        try:
            if not self.needs_copies:
                numpy64, torch64 = self.numpy.reference_from(dict(numpy_start)), self.torch.reference_from(dict(torch_start))
            elif self.copies is None:
                return self.failed or "the sides could not be copied"
            else:
                numpy64, torch64 = self.copies
                torch64.load({name: host(value).astype("float64") for name, value in params.items()})
            return self.step_both(numpy64, torch64, rows)
        except Exception as error:  # the program failed in float64: say so rather than guess
            return f"stepping in float64 failed: {type(error).__name__}: {error}"
