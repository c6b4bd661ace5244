"""One tolerance rule for every tensor of every run, and every number it takes, in one place.

The rule, as applied (and as the headline and the table print it):

1. **Element-wise.** A NumPy value a passes against the torch value b when
   ``|a - b| <= atol + rtol * |b|``, element by element: the rule of
   ``torch.testing.assert_close``, with its float32 defaults (table.py).

2. **Against a float64 reference**, for a tensor that fails (1) in a run below
   float64 at the default tolerances. Each side's program is copied into float64
   and stepped once from the same start as this step: the NumPy side's
   parameters and optimizer state, the same batch. The float32 difference
   splits exactly as

       a - b  =  (a - a64) - (b - b64)  +  (a64 - b64)

   the first two terms each program's own rounding of this step, the last the
   difference between the programs themselves, to float64 rounding. The
   tensor passes when that last term passes (1): ``|a64 - b64| <= atol + rtol *
   |b64|``. Rounding is measured, not modelled: a difference of any size that
   vanishes in float64 is rounding, however the program sums; a difference
   that persists is the programs', whatever the size of the sums. No model of
   the network is needed, so the rule holds for any program either side runs.

Explicit ``--rtol``/``--atol`` are taken as given: (1) alone, no reference.
A float64 run is its own reference: (1) alone.

Besides the rule, each reference reports how far each float32 side is from
b64 (``precision``: the NumPy side's error over the torch side's, root mean
square over the tensor): a NumPy program much less accurate than its port
(a sum taken row by row, a variance as E[x²] - E[x]²) passes and says so.

Why not dynamo's ``same(ref, res, fp64_ref)`` (``rmse(res, fp64) <=
multiplier * rmse(ref, fp64) + tol / 10``, multiplier 2 or 3): measured on
the kit's own correct twin at 20,000 rows in float32
(``scripts/tolerance_sweep.py --precision``), NumPy's column sums, taken one
row after another, are 30 to 400 times further from float64 than torch's
cascade sums. A multiplier that passes them (>= 400) would pass a 1e-3 bug
in an update. Judging the float64 difference of the two programs needs no
multiplier at all.
"""

from parity.tolerance.reference import Judgement, is_forward, judge_against_reference
from parity.tolerance.direction import direction_problem, rounding_of_zero
from parity.tolerance.table import DEFAULT_TOLERANCES, ELEMENTWISE, FLOAT64_REFERENCE, RULES, UPDATE_ULPS, rule_line, uses_reference

__all__ = ["DEFAULT_TOLERANCES", "ELEMENTWISE", "FLOAT64_REFERENCE", "RULES", "UPDATE_ULPS", "Judgement", "direction_problem", "is_forward",
           "judge_against_reference", "rounding_of_zero", "rule_line", "uses_reference"]
