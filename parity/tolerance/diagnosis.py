"""The diagnosis's thresholds, in one table: how closely numbers must fit for a finding to be stated.

These judge hypotheses about a failure, not parity itself (table.py does).

| constant | value | why |
|---|---|---|
| FLOAT32_EPS | 2^-23 | float32's unit in the last place at 1 |
| MATCH_TOLERANCE | float32 1e-4, float64 1e-10 | a hypothesis recomputed in float64 reproduces the NumPy side within this (relative to the tensor's scale) |
| RATIO_TOLERANCE | float32 1e-2, float64 1e-6 | a ratio between the sides' tensors is one number across the tensor within this |
| FIT_TOLERANCE | float32 2e-3, float64 1e-7 | another member of the network family fits the user's program within this |
| SAME_MATHEMATICS | 1e-9 | the float64 oracle's copies compute the same mathematics when they agree this closely |
| ROUNDING_FACTOR, ROUNDING_ULPS | 4, 8 | a float32 side rounds like a plain float32 computation when its error is within 4 x torch's + 8 ulps |
| FLOAT64_NOISE | 1e-12 | float64 sides that differ by at most this, relative to the tensor's scale, differ by rounding |
| DDP_RATIO_TOLERANCE | 1e-3 | a distributed run's gradients are the world size times (or over) the single run's within this |
| RATIO_SPREAD | 1e-3 | (programs as written) a ratio is constant when its elements agree to this |
| FD_STEP, FD_ELEMENTS, FD_AGREES | 1e-6, 12, 1e-2 | (programs as written) central differences in float64 on 12 elements; a gradient follows them within 1e-2 |
| LOSS_TERM_SPREAD, LOSS_TERM_MOVES | 1e-6, 1e-4 | (programs as written, in float64) the two losses' ratio or difference is one number on every batch when it spreads by at most 1e-6 of itself (a difference must also pass 1e3 x FLOAT64_NOISE of the loss); the data move a loss, or a parameter the difference, beyond 1e-4 of it |
| TRACE_AGREES | float32 1e-4, float64 1e-9 | (programs as written, traced) a NumPy value and a port's agree when their largest difference is within this of the port's largest magnitude |
| CALL_CLOSES | 1e-2 | (programs as written) a loss call made again with one argument changed names that argument only where it closes the gap to the NumPy loss to within 1e-2 of the gap, or to within 1e-2 of TRACE_AGREES of the loss (a changed argument that comes near by chance, another ignore_index for a mask off by one, names nothing) |
| LAW_AGREES | float32 1e-6, float64 1e-10 | (programs as written, traced) one parted value is a law of the other (the reciprocal, a square root) within this: tighter than agreement, since an epsilon's place (sqrt(var + eps) against std + eps) moves a value by about eps |

Each is pinned by tests/test_thresholds.py (an edge just inside passes, just outside fails) or, for the
programs as written, by tests/test_written.py's planted bugs.
"""

from __future__ import annotations

import numpy as np

FLOAT32_EPS = float(np.finfo(np.float32).eps)
MATCH_TOLERANCE = {"float32": 1e-4, "float64": 1e-10}
RATIO_TOLERANCE = {"float32": 1e-2, "float64": 1e-6}
FIT_TOLERANCE = {"float32": 2e-3, "float64": 1e-7}
SAME_MATHEMATICS = 1e-9
ROUNDING_FACTOR, ROUNDING_ULPS = 4, 8
FLOAT64_NOISE = 1e-12
DDP_RATIO_TOLERANCE = 1e-3
RATIO_SPREAD = 1e-3
FD_STEP, FD_ELEMENTS, FD_AGREES = 1e-6, 12, 1e-2
LOSS_TERM_SPREAD, LOSS_TERM_MOVES = 1e-6, 1e-4
TRACE_AGREES = {"float32": 1e-4, "float64": 1e-9}
LAW_AGREES = {"float32": 1e-6, "float64": 1e-10}
CALL_CLOSES = 1e-2
