"""Readings measured on the round of blind sets fresh151 to fresh155, each where it fires and where it must stay
silent: a gather's backward left out (every column written where the port's gather reaches one); a mean over a count
the NumPy program makes (its masked sum divided by the mask's sum, its log-likelihood's sign taken back on the way) against the port's mean over every element;
a masked loss whose NumPy delta is not masked, read before any gradient the two share (the targets read through an
index the trace does not follow); the update law's gradient weight apart with the same decay (no decay said); a slice
of two axes at another offset; a port gradient laid out channels last."""

import numpy as np
import pytest

from parity.diagnosis.slice_offsets import _cuts
from parity.diagnosis.update_recurrence import _decay_alike, _meaning
from parity.diagnosis.value_match import in_layouts
from tests.helpers import check_pair

SGD = """
def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)
"""

GATHER_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.5, (5, 3))

    def train_step(self, X, y):
        n = len(X)
        a = y.astype(int)
        q = X @ self.W
        taken = q[np.arange(n), a]
        d = taken - 1.0
        loss = np.mean(d ** 2)
        dtaken = 2 * d / n
        dq = np.zeros_like(q)
        {scatter}
        self.W -= 0.1 * X.T @ dq
        return loss
"""

GATHER_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Linear(5, 3, bias=False)
""" + SGD + """
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    taken = model.q(X).gather(1, y.long().view(-1, 1)).squeeze(1)
    loss = ((taken - 1.0) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("scatter, words", [("dq[np.arange(n), a] = dtaken", None),
                                            ("dq[:] = dtaken[:, None]", "the gather's backward, a scatter into the entries taken")])
def test_a_gathers_backward_written_into_every_column_is_said_as_the_gather(tmp_path, scatter, words):
    X = np.random.default_rng(4).normal(size=(24, 5))
    data = {"X": X, "y": np.random.default_rng(5).integers(0, 3, size=24).astype(np.int64)}
    code, top = check_pair(tmp_path, GATHER_NUMPY.replace("{scatter}", scatter), GATHER_PORT, data, ["W=q.weight.T"], "--steps", "2")
    if words is None:
        assert code == 0, top
        return
    assert code == 1 and top["name"] == "numpy-backward" and words in top["explanation"], top
    assert "gather" in top["explanation"] and "a ReLU's" not in top["explanation"]


MASKED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.W = rng.normal(0.0, 0.5, (4, 3))

    def train_step(self, X, y):
        x, mask = X[:, :4], X[:, 4]
        n = len(x)
        z = x @ self.W
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        picked = logp[np.arange(n), y.astype(int)]
        count = mask.sum()
        loss = -(picked * mask).sum() / count
        dz = np.exp(logp)
        dz[np.arange(n), y.astype(int)] -= 1
        dz = dz * {backward_mask} / count
        self.W -= 0.5 * x.T @ dz
        return loss
"""

MASKED_PORT = """import torch
from torch import nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(4, 3, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    x, mask = X[:, :4], X[:, 4]
    ce = F.cross_entropy(model.out(x), y.long(), reduction="none")
    loss = {reduce}
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _masked_data() -> dict:
    generator = np.random.default_rng(6)
    X = np.concatenate([generator.normal(size=(30, 4)), (generator.random((30, 1)) < 0.7).astype(float)], axis=1)
    return {"X": X, "y": generator.integers(0, 3, size=30).astype(np.int64)}


@pytest.mark.parametrize("backward_mask, reduce, words", [
    ("mask[:, None]", "(ce * mask).sum() / mask.sum()", None),
    ("mask[:, None]", "(ce * mask).mean()", "are means of the same total over other counts"),  # the port's mean over every row
    ("1.0", "(ce * mask).sum() / mask.sum()", "except at"),  # the NumPy delta left unmasked
])
def test_a_masked_mean_is_read_with_its_count_and_its_mask(tmp_path, backward_mask, reduce, words):
    code, top = check_pair(tmp_path, MASKED_NUMPY.replace("{backward_mask}", backward_mask),
                           MASKED_PORT.replace("{reduce}", reduce), _masked_data(), ["W=out.weight.T"], "--steps", "2")
    if words is None:
        assert code == 0, top
        return
    assert code == 1 and words in top["explanation"], top
    assert "opposite signs" not in top["explanation"] and "-1 times" not in top["explanation"], top


def test_the_update_law_says_a_gradient_k_times_the_other_where_the_decay_is_the_same():
    """μ 0.9 on both sides, the gradient's weight -0.4 against -0.2, λ 0.0005 against 0.001: d = b·λ is the same
    decay on both, so the gradient itself is what parts, not the decay."""
    numpy_law, port_law = (0.9, -0.4, 0.0, 0.0005), (0.9, -0.2, 0.0, 0.001)
    said, _ = _meaning(numpy_law, port_law, _decay_alike(numpy_law, port_law, [1, 3]), 2.0)
    assert "weight decay" not in said and "one side's gradient is that factor times the other's" in said
    other_decay = (0.9, -0.2, 0.0, 0.003)  # the decay apart too: said as the decay
    said, _ = _meaning(numpy_law, other_decay, _decay_alike(numpy_law, other_decay, [1, 3]), 2.0)
    assert "weight decay" in said


def test_slices_of_two_axes_and_layouts_channels_last():
    assert _cuts(":, :, :4, :4", (2, 3, 6, 6)) == [(2, 0, 4), (3, 0, 4)]
    assert _cuts(":, :, 1:-1", (2, 3, 6)) == [(2, 1, 5)]
    assert _cuts(":, 0, :4", (2, 3, 6)) == [] and _cuts(":, :, ::2", (2, 3, 6)) == []
    port = np.arange(2 * 3 * 4 * 5, dtype=float).reshape(2, 3, 4, 5)  # (n, c, h, w)
    laid = in_layouts(port, (2 * 4 * 5, 3))  # an (n·h·w, c) the NumPy program keeps its map in
    assert any(np.array_equal(a, np.moveaxis(port, 1, -1).reshape(-1, 3)) for a in laid)
    assert any(np.array_equal(a, port) for a in in_layouts(port[:, :, None], (2, 3, 4, 5)))  # an axis of one aside


def test_a_delta_is_found_by_its_size_where_the_targets_are_read_untraced():
    """Where no gradient is shared and the targets' index is not followed, the NumPy delta (time-major, not masked) is
    found among the region's last values of the size of a port gradient that is 0 at some entries (batch-first,
    masked past each length), and read as that mask left out; a softmax's rows (summing to 1) are no delta."""
    from parity.diagnosis.masks_left_out import beside_masked, mask_left_out
    from parity.diagnosis.value_trace import Trace

    generator = np.random.default_rng(9)
    probs = generator.dirichlet(np.ones(3), size=(4, 5))  # (T, N, K): a softmax's rows
    delta = probs - np.eye(3)[generator.integers(0, 3, size=(4, 5))]
    lengths = np.array([4, 2, 3, 1, 4])
    kept = (np.arange(4)[:, None] < lengths[None, :])[:, :, None]  # (T, N, 1)
    numpy_trace, port_trace = Trace(), Trace()
    for op, array in (("exp", probs * 7.0), ("divide", probs), ("subtract (in place)", delta)):
        numpy_trace._add(op, array, (), "")
    logits = port_trace._add("linear", np.zeros((5, 4, 3)), (), "")
    port_trace._add("grad", np.transpose(delta * kept, (1, 0, 2)), (logits,), "")
    found = beside_masked(numpy_trace, port_trace, list(range(3)))
    assert [v.op for v in found] == ["exp", "subtract (in place)"]  # the softmax's rows set aside
    said = mask_left_out(found, port_trace, 1e-9, lambda v: v.op)
    assert said.startswith("The NumPy program's [subtract (in place) (4, 5, 3)] is grad with its axes in the order (1, 0, 2)")
    assert mask_left_out(found, Trace(), 1e-9, lambda v: v.op) == ""


def test_a_batch_of_products_and_a_view_held_unflattened_are_recomputed():
    """A batched matmul (attention's scores, (B, T, d) @ (B, d, T)) recomputed with an operand replaced, each matrix as
    traced or transposed; and an im2col's columns the trace holds in their unflattened (n, h, w, 1, 1, c) view."""
    from parity.diagnosis.recompute import product

    generator = np.random.default_rng(2)
    a, b = generator.normal(size=(2, 3, 4)), generator.normal(size=(2, 5, 4))
    assert np.allclose(product([a, b], (2, 3, 5)), a @ np.swapaxes(b, 1, 2))
    assert product([a, b], (2, 3, 4)) is None
    cols, grad = generator.normal(size=(2, 2, 2, 1, 1, 3)), generator.normal(size=(8, 5))
    assert np.allclose(product([cols, grad], (3, 5)), cols.reshape(-1, 3).T @ grad)


TD_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(3)
        self.W = rng.normal(0.0, 0.5, (4, 1))

    def train_step(self, X, y):
        n = len(X)
        s, r, done = X[:, :4], X[:, 4], X[:, 5]
        q = (s @ self.W)[:, 0]
        nxt = (0.5 * s) @ self.W
        target = r + {target}
        d = q - target
        loss = np.mean({loss})
        dq = {derivative} / n
        self.W -= 0.1 * s.T @ dq[:, None]
        return loss
"""

TD_PORT = """import torch
from torch import nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Linear(4, 1, bias=False)
""" + SGD + """
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s, r, done = X[:, :4], X[:, 4], X[:, 5]
    q = model.q(s).squeeze(1)
    with torch.no_grad():
        nxt = model.q(0.5 * s).squeeze(1)
        target = r + {target}
    loss = F.{loss}(q, target)
    loss.backward()
    optimizer.step()
    return loss.item()
"""

HUBER = ("np.where(np.abs(d) <= 1, 0.5 * d * d, np.abs(d) - 0.5)", "np.clip(d, -1, 1)")
SQUARE = ("d * d", "2 * d")
MASKED, UNMASKED = ("0.9 * (1 - done) * nxt[:, 0]", "0.9 * (1 - done) * nxt"), ("0.9 * nxt[:, 0]", "0.9 * nxt")


@pytest.mark.parametrize("numpy_loss, port_loss, numpy_target, port_target, words", [
    (HUBER, "smooth_l1_loss", MASKED[0], MASKED[1], None),
    (HUBER, "mse_loss", MASKED[0], MASKED[1], "F.smooth_l1_loss in its place"),  # the port squares every error
    (SQUARE, "mse_loss", UNMASKED[0], MASKED[1], "a mask the NumPy program never makes"),  # 1 - done on one side
])
def test_a_loss_for_the_same_targets_and_a_mask_only_the_port_makes(tmp_path, numpy_loss, port_loss, numpy_target,
                                                                     port_target, words):
    generator = np.random.default_rng(8)
    X = np.concatenate([generator.normal(size=(32, 4)), 3 * generator.normal(size=(32, 1)),
                        (generator.random((32, 1)) < 0.25).astype(float)], axis=1)
    numpy_text = TD_NUMPY.replace("{target}", numpy_target).replace("{loss}", numpy_loss[0]).replace("{derivative}", numpy_loss[1])
    port_text = TD_PORT.replace("{target}", port_target).replace("{loss}", port_loss)
    code, top = check_pair(tmp_path, numpy_text, port_text, {"X": X, "y": np.zeros(32)}, ["W=q.weight.T"], "--steps", "2")
    if words is None:
        assert code == 0, top
        return
    assert code == 1 and words in top["explanation"], top


PG_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(5)
        self.W = rng.normal(0.0, 0.5, (4, 3))
        self.v = rng.normal(0.0, 0.5, (4, 1))

    def train_step(self, X, y):
        n = len(X)
        s, G = X[:, :4], X[:, 4]
        a = y.astype(int)
        z = s @ self.W
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        V = (s @ self.v)[:, 0]
        adv = G - V
        loss = -np.mean(logp[np.arange(n), a] * adv) + 0.5 * np.mean((V - G) ** 2)
        dz = np.exp(logp)
        dz[np.arange(n), a] -= 1
        dz *= adv[:, None] / n
        dV = (V - G) / n
        self.W -= 0.1 * s.T @ dz
        self.v -= 0.1 * s.T @ dV[:, None]
        return loss
"""

PG_PORT = """import torch
from torch import nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.pi = nn.Linear(4, 3, bias=False)
        self.v = nn.Linear(4, 1, bias=False)
""" + SGD + """
def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s, G = X[:, :4], X[:, 4]
    logp = F.log_softmax(model.pi(s), dim=1).gather(1, y.long().view(-1, 1)).squeeze(1)
    V = model.v(s).squeeze(1)
    adv = G - V{detach}
    loss = -(logp * adv).mean() + 0.5 * F.mse_loss(V, G)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("detach, words", [(".detach()", None), ("", "detached where")])
def test_an_advantage_left_attached_in_the_port_is_read_by_detaching_it(tmp_path, detach, words):
    generator = np.random.default_rng(12)
    X = np.concatenate([generator.normal(size=(48, 4)), 50 + generator.normal(size=(48, 1))], axis=1)
    data = {"X": X, "y": generator.integers(0, 3, size=48).astype(np.int64)}
    code, top = check_pair(tmp_path, PG_NUMPY, PG_PORT.replace("{detach}", detach), data, ["W=pi.weight.T", "v=v.weight.T"],
                           "--steps", "3", "--dtype", "float32")  # float32: the baseline's gradient nearly cancels
    if words is None:
        assert code == 0, top
        return
    assert code == 1 and top["name"] == "detached-value" and words in top["explanation"], top


def test_a_gradient_four_times_weaker_with_the_same_decay_term_is_no_learning_rate():
    """Every update 4 times apart, the first one too, but d = b·λ the same on both sides: a rate would scale the decay
    as well, so the gradient itself is scaled (a mean over the tasks where their sum belongs)."""
    numpy_law, port_law = (0.9, -0.0125, 0.0, 0.02), (0.9, -0.05, 0.0, 0.005)
    said, _ = _meaning(numpy_law, port_law, _decay_alike(numpy_law, port_law, [1, 3]), 4.0)
    assert "the gradient itself is scaled" in said and "the learning rate (" not in said, said
    undecayed = (0.9, -0.0125, 0.0, 0.0), (0.9, -0.05, 0.0, 0.0)  # no decay to tell them apart: a rate
    said, _ = _meaning(*undecayed, _decay_alike(*undecayed, [1]), 4.0)
    assert "the learning rate" in said, said
