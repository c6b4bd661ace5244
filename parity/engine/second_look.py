"""How far two correct float programs may part on a tensor summed over the batch: the bound that a summed
tensor failing the cheap rule is judged against a second time.

Two tiers, by how a sum of n terms rounds:
  random       roundings that fall either way reach about 2 · eps · √n · Σ|terms| (magnitudes.random_rounding);
  any order    a sum taken in any order rounds to within (n - 1) · u · Σ|terms| of its exact value
               (u = eps / 2; Higham, Accuracy and Stability of Numerical Algorithms, §4.2), so two
               programs summing in their own orders part by at most n · eps · Σ|terms|.
NumPy adds a column's rows one after another; where the rows' terms are alike
(a bias gradient while every row's error has one sign, a loss of positive
terms) each addition rounds the same way and the error grows with n, not √n:
1.3 times the random tier at 3,000 rows, measured. A difference beyond the
random tier but within the any-order one passes, unsettled: rounding can make
it, and so can a bug as small (one row of 3,000 left out of a float32 sum);
the report says so, and float64 tells them apart.

    gradient            per term · Σ|terms|                       (magnitudes.py)
    optimizer state     the same, over the gradients it remembers  (state_allowance.py)
    parameter, update   lr · the bound of its direction: g (sgd), the buffer (momentum), g + μ · buffer (nesterov),
                        m̂ / (√v̂ + ε) moved by its averages' differences as seen (adam)
    loss                per term · |loss| + eps · elements + 2 Σ |δ| |Δz|: its own sum, each element's rounding
                        (a cross-entropy's log of a sum of at least 1), and each side's rounding of the logits

"""

from __future__ import annotations

import re

import numpy as np

from parity.config.config import RunConfig
from parity.engine.magnitudes import SummedTerms, random_rounding
from parity.engine.state_allowance import StateBounds

PARAMETER = re.compile(r"[Wb]\d+")


class RoundingBounds:
    """Per tensor, element by element, the difference that float rounding of a batch's sums may make."""

    def __init__(self, config: RunConfig, rows: int, state: StateBounds | None, any_order: bool = False) -> None:
        self.config, self.state, self.rows, self.any_order = config, state, rows, any_order
        self.eps = float(np.finfo(config.dtype).eps)
        self.per_term = self.per_term_of(rows)

    def per_term_of(self, n: int) -> float:
        """What a sum of n terms may carry, per unit of Σ|terms|, in this tier."""
        return n * self.eps if self.any_order else random_rounding(n, self.config.dtype)

    def in_any_order(self) -> RoundingBounds:
        return RoundingBounds(self.config, self.rows, self.state, any_order=True)

    def bound(self, name: str, terms: SummedTerms, numpy_record: dict, torch_record: dict) -> np.ndarray | float | None:
        """None: not a tensor this file bounds."""
        if name == "loss":
            return self.per_term_of(terms.loss_terms) * terms.loss + self.eps * terms.loss_elements + 2 * terms.loss_from_logits
        if name.endswith(".grad"):
            gradient = terms.gradients.get(name)
            return None if gradient is None else self.per_term * gradient
        if self.state is not None and name in self.state.recursions:
            return self._state(name, terms, torch_record)
        parameter = name.removesuffix(".update")
        if PARAMETER.fullmatch(parameter) and parameter in torch_record:
            direction = self._direction(parameter, terms, numpy_record, torch_record)
            return None if direction is None else self.config.lr * direction
        return None

    def _state(self, name: str, terms: SummedTerms, torch_record: dict) -> np.ndarray | None:
        parameter = name.rpartition(".")[0]
        gradient_terms, gradient = terms.gradients.get(f"{parameter}.grad"), torch_record.get(f"{parameter}.grad")
        if gradient_terms is None or gradient is None or self.state is None:
            return None
        return self.per_term * self.state.terms_bound(name, gradient_terms, np.abs(np.asarray(gradient, np.float64)))

    def _direction(self, parameter: str, terms: SummedTerms, numpy_record: dict, torch_record: dict) -> np.ndarray | None:
        """The bound of what the optimizer multiplies by lr; None where it is not linear in the gradients (Adam)."""
        optimizer = self.config.optimizer
        gradient = self.bound(f"{parameter}.grad", terms, numpy_record, torch_record)
        if optimizer == "sgd":
            return gradient
        buffer = self.bound(f"{parameter}.momentum", terms, numpy_record, torch_record)
        if optimizer in ("momentum", "ema-momentum"):
            return buffer
        if optimizer == "nesterov" and gradient is not None and buffer is not None:
            return gradient + self.config.momentum * buffer
        if optimizer == "adam":
            return self._adam_direction(parameter, numpy_record, torch_record)
        return None

    def _adam_direction(self, parameter: str, numpy_record: dict, torch_record: dict) -> np.ndarray | None:
        """d = m̂ / (√v̂ + ε) moves by Δm̂ / (√v̂ + ε) + |m̂| Δ√v̂ / (√v̂ + ε)², with Δm and Δv the two sides' own
        averages' differences, which were judged on their own: where a gradient is near 0 so is √v̂, and Adam's
        step, lr · g / (|g| + ε) at first, turns on the gradient's rounding. From the differences seen, not their
        bounds: a bound that large would leave such elements unjudged."""
        names = (f"{parameter}.exp_avg", f"{parameter}.exp_avg_sq", "step_count")
        if not all(name in numpy_record and name in torch_record for name in names):
            return None
        (m, m_numpy), (v, v_numpy) = ((np.asarray(torch_record[n], np.float64), np.asarray(numpy_record[n], np.float64))
                                      for n in names[:2])
        if m.shape != m_numpy.shape or v.shape != v_numpy.shape:
            return None
        beta1, beta2 = self.config.betas
        t = float(torch_record["step_count"])
        first, second = 1 - beta1**t, 1 - beta2**t
        root = np.sqrt(np.abs(v) / second)
        root_moves = np.abs(np.sqrt(np.abs(v_numpy) / second) - root)
        denominator = root + self.config.eps
        return np.abs(m_numpy - m) / first / denominator + np.abs(m) / first * root_moves / denominator**2
