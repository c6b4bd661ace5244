"""Readings measured on the round of blind sets fresh156 to fresh160, each where it fires and where it must stay
silent: two causal masks on other diagonals (tril(ones, 1) for tril(ones)); a loss call made again with one argument
changed names it only where it closes the gap (another ignore_index that comes near by chance names nothing); a
smoothing's ε/(K - 1) for ε/K, whose loss parts by less than a float32 trace can see, traced in float64; a
momentum whose rate differs by 1/(1 - μ) is also a buffer kept as an average."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from parity.diagnosis.called_again import loss_call_finding
from parity.diagnosis.port_values import LossCall
from parity.diagnosis.update_recurrence import _constants, _meaning
from parity.diagnosis.value_trace import Value
from parity.diagnosis.written_readings import _causal_apart
from tests.helpers import check_pair


def _mask(op: str, array: np.ndarray) -> tuple[Value, Value]:
    return Value(0, op, np.zeros((2, 5, 5)), ()), Value(1, "tril", np.asarray(array, np.float64), ())


@pytest.mark.parametrize("port_mask, words", [
    (~np.tril(np.ones((5, 5), bool), 1), "the port on and below diagonal 1 (up to t+1)"),
    (~np.tril(np.ones((5, 5), bool), -1), "the port on and below diagonal -1 (up to t-1)"),
    (~np.tril(np.ones((5, 5), bool)), None),  # the same mask, written as masked_fill's complement
    (np.triu(np.ones((5, 5), bool), 1), None),  # the same again, from triu
])
def test_two_causal_masks_are_read_by_their_diagonals(port_mask, words):
    said = _causal_apart(_mask("where", np.tril(np.ones((5, 5)))), _mask("masked_fill", port_mask))
    if words is None:
        assert said == ""
        return
    assert "the NumPy program keeps the entries on and below diagonal 0" in said and words in said


def test_a_changed_loss_argument_is_named_only_where_it_closes_the_gap():
    target = torch.tensor([3, 3, 3, 3, 0, 1, 2, 0, 1, 2, 3, 1])
    logits = torch.zeros(12, 4, dtype=torch.float64)
    logits[target == 3, 3] = -0.005  # class 3's rows a little worse: leaving them out moves the loss by 1e-3 of it
    call = LossCall(F.cross_entropy, (logits, target), {}, float(F.cross_entropy(logits, target)))
    meant = float(F.cross_entropy(logits, target, ignore_index=3))
    assert loss_call_finding([call], meant, 12, 1e-4, 1) is not None
    near = meant + 0.03 * (call.value - meant)  # within the trace's 1e-4 of the loss, 97% of the gap closed: by chance
    assert abs(near - meant) < 1e-4 * meant and loss_call_finding([call], near, 12, 1e-4, 1) is None


def test_a_rate_of_one_over_one_minus_mu_is_also_an_averaged_buffer():
    mine, theirs = _constants((0.9, -0.005002, 2.3e-6, 0.0)), _constants((0.9, -0.05, -1.6e-6, 0.0))
    assert mine[2] == theirs[2] == 0.0  # c of a thousandth of b: rounding, no look-ahead
    said, _ = _meaning(mine, theirs, [1], 9.99985)
    assert "the learning rate" in said and "exponential moving average" in said and "Nesterov" not in said
    said, _ = _meaning(mine, (0.9, -0.02, 0.0, 0.0), [1], 4.0)
    assert "moving average" not in said


SMOOTH_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 4))

    def train_step(self, X, y):
        n, k = len(X), 4
        z = X @ self.W
        sh = z - z.max(axis=1, keepdims=True)
        logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        q = np.full_like(logp, 0.002 / k)
        q[np.arange(n), y.astype(int)] += 0.998
        loss = -(q * logp).sum(axis=1).mean()
        self.W -= 0.1 * X.T @ ((np.exp(logp) - q) / n)
        return loss
"""

SMOOTH_PORT = """import torch
from torch import nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Linear(5, 4, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model.w(X)
    soft = torch.full_like(logits, 0.002 / {spread})
    soft.scatter_(1, y.long()[:, None], {true})
    loss = -(soft * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("spread, true, said", [("4", "0.9985", False), ("3", "0.998", True)])
def test_a_smoothing_spread_over_the_other_classes_is_read_in_float64(tmp_path, spread, true, said):
    rng = np.random.default_rng(6)
    data = {"X": rng.normal(size=(16, 5)).astype(np.float32), "y": rng.integers(0, 4, size=16).astype(np.int64)}
    code, top = check_pair(tmp_path, SMOOTH_NUMPY, SMOOTH_PORT.replace("{spread}", spread).replace("{true}", true), data,
                           ["W=w.weight.T"], "--steps", "2", "--dtype", "float32")
    if not said:
        assert code == 0, top
        return
    assert code == 1 and "label_smoothing" in top["explanation"], top
    assert "applied once more" not in top["explanation"], top
