"""A difference between the two programs is a cause only where it reaches the loss: the port's later calls made
again with the NumPy program's value in its place. A stable log-sum-exp written out with its max is no amax in the
place of logsumexp; a log-probability's diagonal zeroed on one side, where no positive reads it, is no factor; a mask
handed to masked_fill through a comparison the trace holds no value for is applied; a derivative taken from the
gradient past a mask is that mask's step left out; a term added on one side and subtracted on the other is its sign."""

import textwrap

import numpy as np
import pytest
import torch

from tests.helpers import check_pair
from tests.test_trace_readings import values

SUPCON_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0, 0.5, (6, 4))

    def train_step(self, X, y):
        z = np.tanh(X @ self.W)
        S = z @ z.T / 0.5
        not_self = ~np.eye(len(X), dtype=bool)
        S_max = np.max(np.where(not_self, S, -np.inf), axis=1, keepdims=True)
        e = np.exp(S - S_max) * not_self
        log_prob = S - S_max - np.log(e.sum(axis=1, keepdims=True))
        labels = LABELS
        pos = (labels[:, None] == labels[None, :]) & not_self
        n_pos = pos.sum(axis=1)
        loss = np.mean(-(pos * log_prob).sum(axis=1) / n_pos)
        dS = (e / e.sum(axis=1, keepdims=True) - pos / n_pos[:, None]) / len(X)
        dz = (dS + dS.T) @ z / 0.5
        self.W -= 0.1 * X.T @ (dz * (1 - z ** 2))
        return loss
"""

SUPCON_PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(6, 4))

    def forward(self, X):
        return torch.tanh(X @ self.W)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    self_mask = torch.eye(len(X), dtype=torch.bool)
    sim = (z @ z.T / 0.5).masked_fill(self_mask, float("-inf"))
    log_prob = (sim - torch.logsumexp(sim, dim=1, keepdim=True)).masked_fill(self_mask, 0.0)
    pos = ((y[:, None] == y[None, :]) & ~self_mask).to(z.dtype)
    loss = (-(log_prob * pos).sum(dim=1) / pos.sum(dim=1)).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


def _supcon(tmp_path, labels: str) -> tuple[int, dict]:
    rng = np.random.default_rng(3)
    y = np.repeat(np.arange(3), 4).astype(float)
    rng.shuffle(y)
    return check_pair(tmp_path, textwrap.dedent(SUPCON_NUMPY.replace("LABELS", labels)), textwrap.dedent(SUPCON_PORT),
                      {"X": np.random.default_rng(4).normal(size=(12, 6)), "y": y}, ["W=W"], "--steps", "3", "--dtype", "float64")


def test_a_stable_log_sum_exp_written_out_is_no_amax_in_the_place_of_logsumexp(tmp_path):
    """The NumPy program's max is a step on its way to the port's logsumexp: the port's loss made again with amax in
    that place is none of the NumPy program's. Its log-probabilities keep the diagonal the port zeroes, where no
    positive reads them: a difference the loss never feels, no factor one program leaves out."""
    assert _supcon(tmp_path, "y")[0] == 0
    status, top = _supcon(tmp_path, "np.roll(y, 1)")  # the labels the positives are built from shifted by one
    assert status == 1
    assert "computes amax there" not in top["explanation"] and "a factor one program applies" not in top["explanation"], top


def test_the_ports_calls_made_again_carry_a_value_in_its_place_to_the_loss():
    from parity.diagnosis.sibling_place import carried_on
    from parity.diagnosis.value_trace import Trace
    s = torch.randn(5, 5, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    lse = torch.logsumexp(s, 1, keepdim=True)
    log_prob = torch.Tensor.sub(s, lse)
    loss = torch.Tensor.mean(log_prob)
    trace = Trace()
    for k, (obj, call) in enumerate(((s, None), (lse, (torch.logsumexp, (s, 1), {"keepdim": True})),
                                     (log_prob, (torch.Tensor.sub, (s, lse), {})), (loss, (torch.Tensor.mean, (log_prob,), {})))):
        trace.root(str(k), obj, obj.numpy())
        if call:
            trace.called[k] = call
    amax = s.amax(1, keepdim=True).numpy()
    assert np.isclose(float(carried_on(trace.values[1], amax, trace.called, trace)), float((s - s.amax(1, keepdim=True)).mean()))
    assert np.isclose(float(carried_on(trace.values[1], lse.numpy(), trace.called, trace)), float(loss))
    trace.called[2] = (lambda a, b: (_ for _ in ()).throw(ValueError()), (s, lse), {})  # a call that refuses: nothing said
    assert carried_on(trace.values[1], amax, trace.called, trace) is None


@pytest.mark.parametrize("handed, applied", [("mask", True), ("complement", True), ("other", False)])
def test_a_mask_handed_to_a_call_through_an_untraced_comparison_is_applied(handed, applied):
    from parity.diagnosis.masks_left_out import handed_over
    from parity.diagnosis.value_trace import Trace
    mask = (np.random.default_rng(5).uniform(size=(6, 4)) > 0.4).astype(float)
    given = {"mask": mask != 0, "complement": mask == 0, "other": np.roll(mask, 1, axis=1) != 0}[handed]
    scores = torch.randn(6, 4, generator=torch.Generator().manual_seed(5))
    trace, filled = Trace(), scores.masked_fill(torch.as_tensor(given), float("-inf"))
    trace.root("X", scores, scores.numpy())
    trace.root("masked_fill", filled, filled.numpy())
    trace.called[1] = (torch.Tensor.masked_fill, (scores, torch.as_tensor(given), float("-inf")), {})
    assert handed_over(mask, trace) == applied
    converted = torch.as_tensor(given).double()  # the mask made again, not applied to anything
    trace.root("to", converted, converted.numpy())
    trace.called = {2: (torch.Tensor.to, (torch.as_tensor(given), torch.float64), {})}
    assert not handed_over(mask, trace)


def test_a_derivative_taken_from_the_gradient_past_a_mask_is_that_masks_step_left_out():
    """g·(1 - h²) where the port's gradient at h is g·mask: the NumPy program starts the tanh's derivative from the
    gradient at the port's masked product, not from the gradient at h: the mask's step left out, no factor too many."""
    from parity.diagnosis.derivative_factor import derivative_factor
    rng = np.random.default_rng(6)
    z, g = rng.normal(size=(12, 5)), rng.normal(size=(12, 5))
    h, mask = np.tanh(z), (rng.uniform(size=(12, 5)) > 0.3).astype(float)
    port = values(("X", z, (), ""), ("tanh", h, (0,), ""), ("mul", h * mask, (1, "?"), ""), ("grad", g, (2,), ""))
    mine = values(("X", z, (), ""), ("tanh", h, (0,), ""), ("multiply", g * (1 - h ** 2), ("?", "?"), ""))
    said = derivative_factor(mine.values[2], mine, port, 1e-9, lambda v: "the port's gradient")
    assert "step back through that mul" in said and "too many" not in said, said
    port.values[3].inputs = (0,)  # the gradient at a value no op makes from the activation: a derivative once more
    assert "one chain-rule factor too many" in derivative_factor(mine.values[2], mine, port, 1e-9, lambda v: "the port's gradient")


@pytest.mark.parametrize("port_op, said", [("sub", True), ("add", False)])
def test_a_term_added_on_one_side_and_subtracted_on_the_other_is_its_sign(port_op, said):
    from parity.diagnosis.op_pairs import sign_apart
    nll, entropy = np.array(1.3), np.array(0.25)
    mine = values(("X", nll, (), ""), ("multiply", entropy, (0, 0.1), ""), ("subtract", nll - entropy, (0, 1), ""))
    port = values(("X", nll, (), ""), ("mul", entropy, (0, 0.1), ""),
                  (port_op, nll - entropy if port_op == "sub" else nll + entropy, (0, 1), ""))
    read = sign_apart([mine.values[2]], [port.values[2]], mine.values[0], port.values[0], (mine, port), 1e-9)
    assert ("sign flipped" in read) == (not said), read


def test_an_index_op_moved_past_a_composite_keeps_the_same_share_on_both_sides():
    """The port keeps half the rows, then takes a cross-entropy; the NumPy program's cross-entropy steps come first, then
    a pick of one entry per row: two different selections, not one op in the other order."""
    from parity.diagnosis.op_pairs import op_order
    rng = np.random.default_rng(7)
    s = rng.normal(size=(8, 8))
    log_prob = s - s.max(axis=1, keepdims=True)
    mine = values(("X", s, (), ""), ("maximum.reduce", s.max(axis=1, keepdims=True), (0,), ""),
                  ("subtract", log_prob, (0, 1), ""), ("getitem", log_prob[np.arange(8), np.arange(8)], (2,), ""))
    port = values(("X", s, (), ""), ("getitem", s[:4], (0,), ""), ("cross_entropy", np.array(1.0), (1, "?"), ""))
    assert op_order(mine.values[1:], port.values[1:], (mine, port), 1e-9) == ""
    halves = values(("X", s, (), ""), ("maximum.reduce", s.max(axis=1, keepdims=True), (0,), ""),
                    ("subtract", log_prob, (0, 1), ""), ("getitem", log_prob[:4], (2,), ""))
    assert "in the other order" in op_order(halves.values[1:], port.values[1:], (halves, port), 1e-9)


LINEAR_NUMPY = """
import numpy as np


class Net:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0, 0.5, (3, 1)), np.zeros(1)
        self.grads = {"W": np.zeros((3, 1)), "b": np.zeros(1)}

    def train_step(self, X, y):
        r = (X @ self.W + self.b)[:, 0] - y
        d = (2 * r / len(y))[:, None]
        self.grads = {"W": WEIGHT, "b": d.sum(axis=0)}
        self.W -= 0.1 * (self.grads["W"] + 0.01 * self.W)
        self.b -= 0.1 * (self.grads["b"] + 0.01 * self.b)
        return np.mean(r ** 2)
"""

LINEAR_PORT = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc(X)[:, 0] - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("weight, passes", [("X.T @ d", True), ("0 * (X.T @ d)", False)])
def test_a_numpy_gradient_of_zeros_is_a_place_not_a_detach(tmp_path, weight, passes):
    """Zeros on the NumPy side may be terms that cancel (one mask for two passes): said with the NumPy program's
    remedies and below a mechanism's fit, where the port's zeros are a detach or a frozen layer's."""
    X = np.random.default_rng(8).normal(size=(16, 3))
    status, top = check_pair(tmp_path, textwrap.dedent(LINEAR_NUMPY).replace("WEIGHT", weight), textwrap.dedent(LINEAR_PORT),
                             {"X": X, "y": X @ [1.0, -2.0, 0.5] + 0.3}, ["W=fc.weight.T", "b=fc.bias"],
                             "--steps", "2", "--dtype", "float64")
    assert status == (0 if passes else 1)
    assert passes or top["name"] == "no-gradient" and top["score"] < 0.8 and "NumPy backward" in top["fix"], top


def test_a_ports_comparison_is_a_value_of_its_trace():
    """`mask == 0` is the port's value too (its __eq__), so a mask it fills with 0 where the NumPy program fills -inf
    is met there, and no mask is said made and never applied."""
    from parity.diagnosis.port_values import _TorchValues
    from parity.diagnosis.value_trace import Trace
    trace = Trace()
    mask = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
    trace.root("X", mask, mask.numpy())
    with _TorchValues(trace):
        filled = torch.ones(2, 3).masked_fill(mask == 0, float("-inf"))
        kept = mask > 0.5
    ops = [v.op for v in trace.values]
    assert "eq" in ops and "gt" in ops, ops
    eq = next(v for v in trace.values if v.op == "eq")
    assert eq.inputs[0] == 0 and np.array_equal(eq.array, (mask == 0).double().numpy())
    assert torch.isinf(filled).sum() == 2 and kept.sum() == 4
