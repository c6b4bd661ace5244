"""Readings measured on the round of blind sets fresh161 to fresh165, each where it fires and where it must stay
silent: a max pool's backward written as an average pool's (the routing to each window's max left out); a scale
or a sum's term said only where the next op, recomputed, carries it (a dropout before a GELU is neither); a 0/1 mask
put in for a value it is not made from is no wrong source; a 0/1 column of the data one side never reads is a mask;
a velocity that holds lr·g is read from the state, not as a sign apart in the written update."""

import numpy as np
import pytest

from parity.diagnosis.columns_read import _mask_columns
from tests.helpers import check_pair


def _data(seed: int, columns: int, outputs: int = 1) -> dict:
    rng = np.random.default_rng(seed)
    return {"X": rng.normal(size=(16, columns)).astype(np.float32), "y": rng.normal(size=(16, outputs)).astype(np.float32)}


POOL_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0.0, 0.5, (5, 8)), rng.normal(0.0, 0.5, (4, 1))

    def train_step(self, X, y):
        n = len(X)
        a = np.maximum(X @ self.W1, 0.0)
        windows = a.reshape(n, 4, 2)
        pooled = windows.max(axis=-1)
        err = pooled @ self.W2 - y
        loss = (err ** 2).mean()
        dout = 2 * err / n
        dpooled = dout @ self.W2.T
        da = {routing}
        dz = da * (a > 0)
        self.W2 -= 0.1 * pooled.T @ dout
        self.W1 -= 0.1 * X.T @ dz
        return loss
"""

POOL_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(5, 8, bias=False)
        self.l2 = nn.Linear(4, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    a = torch.relu(model.l1(X))
    pooled = F.max_pool1d(a.unsqueeze(1), 2).squeeze(1)
    loss = ((model.l2(pooled) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""

ROUTED = "((windows == pooled[..., None]) * dpooled[..., None]).reshape(n, 8)"


@pytest.mark.parametrize("routing, said", [("np.repeat(dpooled, 2, axis=-1)", True), (ROUTED, False)])
def test_a_max_pools_backward_written_as_an_average_pools_is_said(tmp_path, routing, said):
    code, top = check_pair(tmp_path, POOL_NUMPY.replace("{routing}", routing), POOL_PORT, _data(1, 5),
                           ["W1=l1.weight.T", "W2=l2.weight.T"], "--steps", "2")
    if not said:
        assert code == 0, top
        return
    assert code == 1 and "max_pool1d" in top["explanation"] and "argmax left out" in top["explanation"], top


GELU_NUMPY = """import numpy as np

def gelu(z):
    return 0.5 * z * (1 + np.tanh(0.7978845608028654 * (z + 0.044715 * z ** 3)))

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0.0, 0.5, (5, 6)), rng.normal(0.0, 0.5, (6, 1))

    def train_step(self, X, y):
        d = gelu(X[:, :5] @ self.W1) * X[:, 5:] / 0.8
        err = d @ self.W2 - y
        self.W2 -= 0.1 * d.T @ (2 * err / len(X))
        return (err ** 2).mean()
"""

GELU_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(5, 6, bias=False)
        self.l2 = nn.Linear(6, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.l2.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    h = model.l1(X[:, :5])
    d = {order}
    loss = ((model.l2(d) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("order, parts", [("F.gelu(h * X[:, 5:] / 0.8, approximate='tanh')", True),
                                          ("F.gelu(h, approximate='tanh') * X[:, 5:] / 0.8", False)])
def test_a_dropout_before_a_gelu_is_neither_a_scale_nor_a_term_left_out(tmp_path, order, parts):
    data = _data(2, 11)
    data["X"][:, 5:] = (np.random.default_rng(3).random((16, 6)) < 0.8).astype(np.float32)
    code, top = check_pair(tmp_path, GELU_NUMPY, GELU_PORT.replace("{order}", order), data,
                           ["W1=l1.weight.T", "W2=l2.weight.T"], "--steps", "2")
    if not parts:
        assert code == 0, top
        return
    assert code == 1 and "takes it as it is" not in top["explanation"], top
    assert "a term of that sum" not in top["explanation"], top


NORM_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0.0, 0.5, (5, 8)), rng.normal(0.0, 0.5, (8, 1))

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W1
        c = z - z.mean(axis=0)
        inv = 1.0 / np.sqrt((c ** 2).mean(axis=0) + 1e-5)
        xhat = c * inv
        a = np.maximum(xhat, 0.0)
        err = a @ self.W2 - y
        loss = (err ** 2).mean()
        dout = 2 * err / n
        dxhat = (dout @ self.W2.T) * (xhat > 0)
        dz = inv * (dxhat{mean_term} - xhat * (dxhat * xhat).mean(axis=0))
        self.W2 -= 0.1 * a.T @ dout
        self.W1 -= 0.1 * X.T @ dz
        return loss
"""

NORM_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(5, 8, bias=False)
        self.l2 = nn.Linear(8, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    h = F.batch_norm(model.l1(X), None, None, training=True, eps=1e-5)
    loss = ((model.l2(torch.relu(h)) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("mean_term, parts", [("", True), (" - dxhat.mean(axis=0)", False)])
def test_a_normalisations_mean_term_left_out_is_no_wrong_source(tmp_path, mean_term, parts):
    code, top = check_pair(tmp_path, NORM_NUMPY.replace("{mean_term}", mean_term), NORM_PORT, _data(4, 5),
                           ["W1=l1.weight.T", "W2=l2.weight.T"], "--steps", "2")
    if not parts:
        assert code == 0, top
        return
    assert code == 1 and "wrong source" not in top["explanation"], top


def test_a_zero_one_column_only_one_side_reads_is_said_as_a_mask():
    X = np.zeros((4, 3, 5))
    X[..., :4] = np.random.default_rng(5).normal(size=(4, 3, 4))
    X[..., 4] = [[1, 1, 0], [1, 0, 0], [1, 1, 1], [1, 0, 0]]
    said = _mask_columns(X, [4], [])
    assert "Column 4 of the data, 0s and 1s" in said and "never by the port" in said
    assert _mask_columns(X, [3], []) == ""  # a column of values: a slice's bound, not a mask
    assert _mask_columns(X, [4], [3]) == ""  # each side reads one the other does not: no mask read on one side


FOLDED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W": rng.normal(0.0, 0.5, (5, 3)), "b": np.zeros(3)}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}

    def train_step(self, X, y):
        W, b = self.params["W"], self.params["b"]
        err = X @ W + b - y
        grads = {"W": X.T @ (2 * err / err.size), "b": (2 * err / err.size).sum(axis=0)}
        for k, p in self.params.items():
            self.v[k] = 0.9 * self.v[k] + {velocity}
            p -= {step}
        return (err ** 2).mean()
"""

FOLDED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l = nn.Linear(5, 3)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.l(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("velocity, step, said", [("0.05 * grads[k]", "self.v[k]", True), ("grads[k]", "0.05 * self.v[k]", False)])
def test_a_velocity_holding_the_rate_is_read_from_the_state_not_as_a_sign(tmp_path, velocity, step, said):
    code, top = check_pair(tmp_path, FOLDED_NUMPY.replace("{velocity}", velocity).replace("{step}", step), FOLDED_PORT,
                           _data(6, 5, 3), ["params['W']=l.weight.T", "params['b']=l.bias"], "--steps", "2",
                           "--state", "momentum_buffer=net.v")
    if not said:
        assert code == 0, top
        return
    assert code == 1 and "opposite signs" not in top["explanation"] and "learning rate" in top["explanation"], top


def test_a_convolutions_numbers_given_one_slot_off_are_tried_shifted():
    import torch
    import torch.nn.functional as F
    from parity.diagnosis.argument_changes import swapped
    from parity.diagnosis.calls import called_again

    x, w = torch.randn(2, 4, 20, dtype=torch.float64), torch.randn(6, 4, 3, dtype=torch.float64)
    meant = F.conv1d(x, w, padding=2, dilation=2).numpy()
    given = {"input": x, "weight": w, "bias": None, "stride": (2,), "padding": (2,), "dilation": (1,), "groups": 1}
    tried = {change: called_again(F.conv1d, changed) for change, changed in swapped(given)}
    hits = [change for change, value in tried.items() if value is not None and value.shape == meant.shape and np.allclose(value, meant)]
    assert hits == ["its numbers given by position one slot later (stride=1, padding=2, dilation=2)"]
    as_meant = {**given, "stride": (1,), "dilation": (2,)}
    assert not any(np.allclose(v, meant) for c, v in ((c, called_again(F.conv1d, a)) for c, a in swapped(as_meant))
                   if v is not None and v.shape == meant.shape)  # already as meant: no shifted call gives it again


def test_a_mean_against_a_sum_is_read_across_layouts_and_their_axis_numbers_are_not_compared():
    from parity.diagnosis.reduction_axes import axes_of, kinds_apart
    from parity.diagnosis.value_trace import Value

    maps = np.random.default_rng(7).normal(size=(4, 5, 8))  # the NumPy program's channels-last map
    frontier = Value(0, "maximum", maps, ())
    mine = Value(1, "mean", maps.mean(axis=1), (0,), "axis=1")
    theirs = Value(1, "sum", maps.transpose(0, 2, 1).sum(axis=-1), (0,), "-1, dim=-1")  # the port's, channels first
    assert "averages over axis 1 (of size 5)" in kinds_apart([mine], [theirs], frontier)
    assert axes_of([mine], [Value(1, "mean", maps.transpose(0, 2, 1).mean(axis=-1), (0,), "-1, dim=-1")], frontier) == ""
    other = Value(1, "mean", maps.mean(axis=2), (0,), "dim=2")  # the same layout, another axis: apart
    assert "over axis 2 (of size 8)" in axes_of([mine], [other], frontier)


def test_a_scale_the_other_side_applies_an_op_later_with_another_number_is_no_one_sided_scale():
    from parity.diagnosis.one_sided import one_sided_scale
    from tests.test_trace_readings import values as traced

    rng = np.random.default_rng(8)
    h, mask = np.abs(rng.normal(size=(6, 4))), (rng.random((6, 4)) < 0.75).astype(float)
    mine = traced(("X", mask, (), ""), ("X", h, (), ""), ("divide", mask / 0.75, (0, 0.75), ""),
                  ("multiply", h * mask / 0.75, (1, 2), ""))
    later = traced(("X", mask, (), ""), ("X", h, (), ""), ("mul", h * mask, (1, 0), ""), ("div", h * mask / 0.25, (2, 0.25), ""))
    assert one_sided_scale([mine.values[2]], [later.values[2]], mine, later) == ""  # ÷ 0.75 against ÷ 0.25 an op later
    as_is = traced(("X", mask, (), ""), ("X", h, (), ""), ("mul", h * mask, (1, 0), ""), ("sum", (h * mask).sum(axis=1), (2,), "dim=1"))
    assert "divides it by 0.75" in one_sided_scale([mine.values[2]], [as_is.values[2]], mine, as_is)  # no scale at all there


PAD_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.E, self.W = rng.normal(0.0, 0.5, (10, 4)), rng.normal(0.0, 0.5, (4, 1))
        self.E[0] = 0.0

    def loss(self, X, y):
        return ((self.E[X.astype(int)].mean(axis=1) @ self.W - y) ** 2).mean()

    def train_step(self, X, y):
        ids = X.astype(int)
        h = self.E[ids].mean(axis=1)
        err = h @ self.W - y
        dh = (2 * err / len(X)) @ self.W.T
        dE = np.zeros_like(self.E)
        np.add.at(dE, ids, np.repeat(dh[:, None, :] / ids.shape[1], ids.shape[1], axis=1))
        dE[0] = 0.0
        self.grads = {"E": dE, "W": h.T @ (2 * err / len(X))}
        self.W -= 0.1 * self.grads["W"]
        self.E -= 0.1 * dE
        return (err ** 2).mean()
"""

PAD_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4{padding})
        self.out = nn.Linear(4, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.out(model.emb(X.long()).mean(dim=1)) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("padding, held", [("", True), (", padding_idx=0", False)])
def test_a_padding_row_held_on_one_side_is_said_as_design_not_a_wrong_backward(tmp_path, padding, held):
    rng = np.random.default_rng(9)
    data = {"X": rng.integers(0, 10, size=(16, 3)).astype(np.float32), "y": rng.normal(size=(16, 1)).astype(np.float32)}
    data["X"][::3, 2] = 0  # padding in every third row
    code, top = check_pair(tmp_path, PAD_NUMPY, PAD_PORT.replace("{padding}", padding), data,
                           ["E=emb.weight", "W=out.weight.T"], "--steps", "2", "--grads", "net.grads")
    if not held:
        assert code == 0, top
        return
    assert code == 1 and top["name"] == "held-rows" and top["evidence"]["rows"] == [0], top
    assert "the NumPy program keeps those rows out of training" in top["explanation"], top


def test_a_step_through_a_view_of_one_use_among_several_is_said_as_the_other_uses_term():
    from parity.diagnosis.steps_left_out import SHAPE_ONLY, _other_uses, _used_besides
    from tests.test_trace_readings import values as traced

    h = np.abs(np.random.default_rng(10).normal(size=(4, 3)))
    port = traced(("X", h, (), ""), ("relu", h, (0,), ""), ("unsqueeze", h[:, None], (1,), "1"),
                  ("cat", np.concatenate([h, h], axis=1), (1, 1), "dim=1"))
    viewed = port.values[2]
    assert viewed.op in SHAPE_ONLY and _used_besides(port, 1, viewed)  # the relu goes into the cat too: a skip
    said = _other_uses(port, 1, viewed)
    assert "through the unsqueeze alone" in said and "[cat (4, 6)]" in said and "skip connection" in said, said
    alone = traced(("X", h, (), ""), ("relu", h, (0,), ""), ("unsqueeze", h[:, None], (1,), "1"))
    assert not _used_besides(alone, 1, alone.values[2])  # its one use: a view moves no number, no term left out


def test_one_and_a_millionth_are_no_probability_and_its_complement():
    from parity.diagnosis.op_pairs import constants
    from parity.diagnosis.value_trace import Value

    x = np.arange(4.0)
    said = constants([Value(1, "add", x + 1, (0, 1.0))], [Value(1, "add", x + 1e-6, (0, 1e-6))])
    assert "with 1, the port with 1e-06" in said and "complement" not in said
    assert "complement" in constants([Value(1, "multiply", x * 0.9, (0, 0.9))], [Value(1, "mul", x * 0.1, (0, 0.1))])


MASKED_NUMPY = PAD_NUMPY.replace("self.E[X.astype(int)].mean(axis=1)", "(self.E[X.astype(int)] * (X != 0)[..., None]).mean(axis=1)") \
    .replace("h = self.E[ids].mean(axis=1)", "h = (self.E[ids] * (ids != 0)[..., None]).mean(axis=1)") \
    .replace("        dE[0] = 0.0\n", "")
MASKED_PORT = PAD_PORT.replace("model.emb(X.long()).mean(dim=1)", "(model.emb(X.long()) * (X != 0)[..., None]).mean(dim=1)")


def test_a_row_the_loss_never_reads_trained_on_one_side_is_that_sides_slip_not_design(tmp_path):
    rng = np.random.default_rng(9)
    data = {"X": rng.integers(0, 10, size=(16, 3)).astype(np.float32), "y": rng.normal(size=(16, 1)).astype(np.float32)}
    data["X"][::3, 2] = 0
    code, top = check_pair(tmp_path, MASKED_NUMPY, MASKED_PORT.replace("{padding}", ""), data,
                           ["E=emb.weight", "W=out.weight.T"], "--steps", "2", "--grads", "net.grads")
    assert code == 1 and top["name"] != "held-rows" and top["evidence"].get("side") == "numpy", top


def test_a_scale_carried_through_a_linear_with_its_bias_is_one_sided():
    from parity.diagnosis.one_sided import one_sided_scale
    from tests.test_trace_readings import values as traced

    rng = np.random.default_rng(11)
    x, W, b = rng.normal(size=(6, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    mine = traced(("X", x, (), ""), ("X", W, (), ""), ("matmul", x @ W, (0, 1), ""))
    port = traced(("X", x, (), ""), ("X", W, (), ""), ("mul", 2.0 * x, (0, 2.0), ""), ("linear", 2.0 * x @ W + b, (2, 1), ""))
    assert "The port multiplies it by 2" in one_sided_scale([mine.values[2]], [port.values[2]], mine, port)
    other = traced(("X", x, (), ""), ("X", W, (), ""), ("mul", 2.0 * x, (0, 2.0), ""), ("linear", np.tanh(2.0 * x) @ W, (2, 1), ""))
    assert one_sided_scale([mine.values[2]], [other.values[2]], mine, other) == ""  # the product does not carry the 2
