"""Two programs as written, traced through the failing step (parity.diagnosis.value_trace, written_forward): every
value each side computes, the last ones that agree, and what each side does after them."""

import json

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from parity.cli import cli

from parity.diagnosis.traced_step import _keeping
from parity.diagnosis.value_trace import TracedArray, Trace, _TRACE
from tests.test_written import check, planted


def traced(function, *arrays):
    trace = Trace()
    inputs = [a.view(TracedArray) for a in arrays]
    for name, value in zip("Xy", inputs):
        trace.root(name, value, np.array(value, np.float64))
    _TRACE.append(trace)
    try:
        function(*inputs)
    finally:
        _TRACE.pop()
    return trace


def test_a_numpy_step_is_traced_op_by_op_with_its_inputs():
    W = np.full((3, 2), 0.5)

    def step(X, y):
        X = np.asarray(X, dtype=np.float64)
        h = np.tanh(X.dot(W))
        h *= 2
        return np.mean((h - y[:, :1]) ** 2, axis=0)

    X, y = np.arange(12.0).reshape(4, 3) / 10, np.ones((4, 2))
    np.asarray, saved = _keeping(np.asarray), np.asarray
    try:
        trace = traced(step, X, y)
    finally:
        np.asarray = saved
    ops = [v.op for v in trace.values]
    assert ops[:2] == ["X", "y"] and "dot" in ops and "tanh" in ops and "multiply (in place)" in ops and "mean" in ops
    tanh = next(v for v in trace.values if v.op == "tanh")
    assert np.allclose(tanh.array, np.tanh(X @ W))
    sliced = next(v for v in trace.values if v.op == "getitem")
    assert sliced.detail == ":, :1" and sliced.inputs == (1,) and sliced.array.shape == (4, 1)
    assert next(v for v in trace.values if v.op == "mean").detail == "axis=0"


def test_windows_one_hot_rows_and_repeated_indices_are_traced_as_the_step_makes_them():
    """as_strided windows over X, a one-hot made as np.eye(V)[labels], and a fancy write whose index tuples repeat
    (and one whose arrays repeat values but never a tuple)."""
    from numpy.lib.stride_tricks import as_strided
    from parity.diagnosis.traced_step import _made
    from parity.diagnosis.index_words import repeats as _repeats

    def step(X, y):
        windows = as_strided(X, (X.shape[0], 2, 2), (X.strides[0], X.strides[1], X.strides[1]))
        one_hot = np.eye(3)[y.astype(int)]
        return windows.sum() + one_hot.sum()

    saved = np.array, np.asarray, np.eye
    np.array, np.asarray, np.eye = _keeping(np.array), _keeping(np.asarray), _made(np.eye)
    try:
        trace = traced(step, np.arange(12.0).reshape(4, 3), np.array([0.0, 2.0, 1.0, 2.0]))
    finally:
        np.array, np.asarray, np.eye = saved
    strided = next(v for v in trace.values if v.op == "as_strided")
    assert strided.array.shape == (4, 2, 2) and 0 in (strided.inputs + trace.values[strided.inputs[0]].inputs)
    labels = next(v.index for v in trace.values if v.op == "astype" and v.inputs == (1,))
    assert any(v.op == "getitem" and labels in v.inputs and v.array.shape == (4, 3) for v in trace.values)  # eye(3)[y]
    rows, cols = np.indices((2, 2))
    assert not _repeats((rows, cols)) and _repeats((np.array([0, 1, 0]), np.array([1, 1, 1])))


def test_reductions_of_a_list_of_traced_arrays_stay_traced():
    """np.maximum.reduce([a, b]) and np.mean([a, b], axis=0): NumPy's dispatch never sees arrays inside a list."""
    from parity.diagnosis.traced_step import _ListedUfunc, _of_lists

    def step(X, y):
        return np.maximum.reduce([X, 2 * X]).sum() + np.mean([X, X + 1], axis=0).sum()

    saved = np.array, np.maximum, np.mean
    np.array, np.maximum, np.mean = _keeping(np.array), _ListedUfunc(np.maximum), _of_lists(np.mean)
    try:
        trace = traced(step, np.arange(6.0).reshape(2, 3), np.zeros(2))
    finally:
        np.array, np.maximum, np.mean = saved
    ops = [v.op for v in trace.values]
    assert "maximum.reduce" in ops and ops.count("array") == 2 and "mean" in ops, ops


def test_numpy_functions_that_write_into_their_first_argument_are_traced_as_a_new_value():
    def step(X, y):
        S = X @ X.T
        np.fill_diagonal(S, -np.inf)
        return np.exp(S).sum()

    trace = traced(step, np.arange(6.0).reshape(3, 2) / 10, np.zeros(3))
    filled = next(v for v in trace.values if v.op == "fill_diagonal (in place)")
    assert np.all(np.isneginf(np.diag(filled.array)))
    assert any(filled.index in v.inputs for v in trace.values if v.op == "exp"), [(v.op, v.inputs) for v in trace.values]


def test_the_ports_gradients_of_its_forward_values_are_traced():
    from parity.diagnosis.port_values import _hook_forward_values, _TorchValues
    trace, X = Trace(), torch.ones(3, 2)
    trace.root("X", X, X.double().numpy())
    weight = torch.full((2, 2), 0.5, requires_grad=True)
    mode, hooks = _TorchValues(trace), []
    with mode:
        _hook_forward_values(mode, hooks)
        (torch.tanh(X @ weight) ** 2).sum().backward()
    ops = [v.op for v in trace.values]
    assert ops[:4] == ["X", "matmul", "tanh", "pow"] and ops.count("grad") >= 3
    grad_of_tanh = next(v for v in trace.values if v.op == "grad" and v.inputs == (2,))
    assert np.allclose(grad_of_tanh.array, 2 * np.tanh(np.ones((3, 2)))), grad_of_tanh


def run(tmp_path, file, old, new):
    directory = planted(tmp_path, file, old, new)
    path = tmp_path / "r.json"
    result = check(directory, "batchnorm", "--steps", "3", "--json", str(path))
    assert result.exit_code == 1, result.output
    return json.loads(path.read_text())["diagnosis"][0]


def test_targets_the_numpy_program_derives_from_y_are_read_as_a_function_of_y(tmp_path):
    top = run(tmp_path, "batchnorm_numpy.py", "        y = np.asarray(y, dtype=self.dtype)\n        probs",
              "        y = 0.9 * np.asarray(y, dtype=self.dtype)\n        probs")
    assert top["name"] == "loss-function" and "0.9·y" in top["explanation"] and top["score"] >= 0.8, top
    assert "agree up to y (64, 1)" in top["explanation"] and "sums" not in top["explanation"]


def test_statistics_over_the_other_axis_are_named_where_the_forward_pass_parts(tmp_path):
    directory = planted(tmp_path, "batchnorm_numpy.py", "mean = z1.mean(axis=0)", "mean = z1.mean(axis=1, keepdims=True)")
    text = (directory / "batchnorm_numpy.py").read_text().replace("var = z1.var(axis=0)", "var = z1.var(axis=1, keepdims=True)")
    (directory / "batchnorm_numpy.py").write_text(text)
    path = tmp_path / "r.json"
    result = check(directory, "batchnorm", "--steps", "3", "--json", str(path))
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    said = top["explanation"]
    assert top["name"] == "forward" and "axis=1" in said and top["score"] >= 0.8, top
    assert "over the batch" in said and "within each row" in said or "own mean, called again on the same tensors with dim=1" in said, said
    # the port's batch_norm written out: its mean over the batch, or that mean called again with the NumPy program's axis


RESIDUAL_NUMPY = """
import numpy as np

class Residual:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 0.5, (4, 6)), np.zeros(6)
        self.W2, self.b2 = rng.normal(0, 0.5, (6, 6)), np.zeros(6)
        self.W3, self.b3 = rng.normal(0, 0.5, (6, 2)), np.zeros(2)

    def train_step(self, X, y, lr=0.1):
        z1 = X @ self.W1 + self.b1
        h1 = np.tanh(z1)
        h2 = h1 + np.tanh(h1 @ self.W2 + self.b2)
        out = h2 @ self.W3 + self.b3
        loss = np.mean((out - y) ** 2)
        d_out = 2 * (out - y) / out.size
        d_h2 = d_out @ self.W3.T
        d_block = d_h2 * (1 - (h2 - h1) ** 2)
        d_h1 = d_block @ self.W2.T + d_h2
        d_z1 = d_h1 * (1 - h1 ** 2)
        for p, g in ((self.W3, h2.T @ d_out), (self.b3, d_out.sum(0)), (self.W2, h1.T @ d_block),
                     (self.b2, d_block.sum(0)), (self.W1, X.T @ d_z1), (self.b1, d_z1.sum(0))):
            p -= lr * g
        return loss
"""

RESIDUAL_TORCH = """
import torch
from torch import nn

class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.a, self.b, self.c = nn.Linear(4, 6), nn.Linear(6, 6), nn.Linear(6, 2)

    def forward(self, x):
        h = torch.tanh(self.a(x))
        return self.c(h + torch.tanh(self.b(h)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def residual(tmp_path, old="", new=""):
    (tmp_path / "res_numpy.py").write_text(RESIDUAL_NUMPY.replace(old, new))
    (tmp_path / "res_torch.py").write_text(RESIDUAL_TORCH)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/res_numpy.py:Residual", "--torch", f"{tmp_path}/res_torch.py:Residual",
                                      "--as-written", "--data", "random:24,4,2", "--steps", "3", "--json", str(path),
                                      "--param", "W1=a.weight.T", "--param", "W2=b.weight.T", "--param", "W3=c.weight.T"])
    return result, path


def test_a_residual_pair_as_written_passes(tmp_path):
    result, _ = residual(tmp_path)
    assert result.exit_code == 0, result.output


def test_a_numpy_backward_that_drops_a_path_is_located_after_the_last_agreeing_gradient(tmp_path):
    """The skip connection's identity path dropped from the hand-written backward pass: the port's gradient is the
    derivative of the shared loss (central differences), so the NumPy side is the one that parts."""
    result, path = residual(tmp_path, "d_h1 = d_block @ self.W2.T + d_h2", "d_h1 = d_block @ self.W2.T")
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "numpy-backward" and top["evidence"]["side"] == "numpy" and top["score"] >= 0.75, top
    assert "agree up to the gradient at the port's" in top["explanation"] and "left out on the NumPy side" in top["explanation"]
    assert top["score"] < 0.8  # the difference is that term: whether it is dropped, or doubled or negated, it cannot tell


@pytest.mark.parametrize("loss, name, said, side", [
    ("np.mean((out - y) ** 2) + 0.01 * np.sum(self.W2) ** 2", "penalty-term", "the NumPy program's loss has a term of the "
     "entries' sum", "numpy"),
    ("np.mean((out - y) ** 2) + 0.01 * np.sum(self.W2 ** 2)", "penalty-term", "the NumPy program's loss has 0.01·Σw² more", None),
    ("np.sum((out - y) ** 2) / X.shape[1]", "loss-reduction", "or by 4 (X.shape[1], the features) where the port divides "
     "by 48 (y.size", "numpy"),
    ("np.mean((out - y) ** 2) + 0.5 * np.log(2 * np.pi)", "loss-constant", "a constant added to one loss", None)])
def test_losses_that_differ_by_a_term_of_the_parameters_or_by_a_count_are_read_on_other_batches(tmp_path, loss, name, said, side):
    """The losses at the shared start, on the step's batch and on two drawn from the data: a difference the data do
    not move is a term of the parameters alone (which, and its form, by its gradient); a ratio they do not move is
    the counts each program divides by; neither moving with the parameters either, a constant."""
    result, path = residual(tmp_path, "loss = np.mean((out - y) ** 2)", f"loss = {loss}")
    assert result.exit_code == 1, result.output
    found = json.loads(path.read_text())["diagnosis"]
    top = next(f for f in found if f["name"] == name)
    assert top == found[0] or name == "loss-reduction", found  # there, the port's mse_loss called again may say more
    assert top["name"] == name and said in top["explanation"] and top["evidence"].get("side") == side, top
    if name == "penalty-term":
        assert top["evidence"]["parameters"] == ["W2"], top


def test_a_port_gradient_that_is_not_the_derivative_of_the_shared_loss_is_the_ports(tmp_path):
    top = run(tmp_path, "batchnorm_torch.py", "        self.fc2 = nn.Linear(hidden, n_out)\n",
              "        self.fc2 = nn.Linear(hidden, n_out)\n        self.fc1.weight.register_hook(lambda g: g.clamp(min=0))\n")
    assert top["name"] == "port-gradient" and top["evidence"]["side"] == "torch", top
    assert "not the derivative" in top["explanation"]


def test_a_port_gradient_scaled_by_a_hook_never_blames_the_numpy_side(tmp_path):
    top = run(tmp_path, "batchnorm_torch.py", "        self.fc2 = nn.Linear(hidden, n_out)\n",
              "        self.fc2 = nn.Linear(hidden, n_out)\n        self.fc1.weight.register_hook(lambda g: 3 * g)\n")
    assert top["name"] != "numpy-backward" and top["evidence"].get("side") != "numpy", top


RNN_NUMPY = """
import numpy as np

class Seq:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.W, self.U = rng.normal(0, 0.4, (3, 5)), rng.normal(0, 0.4, (5, 5))
        self.V, self.c = rng.normal(0, 0.4, (5, 1)), np.zeros(1)

    def train_step(self, X, y, lr=0.05):
        n, T, _ = X.shape
        hs = [np.zeros((n, 5))]
        for t in range(T):
            hs.append(np.tanh(X[:, t] @ self.W + hs[-1] @ self.U))
        out = hs[-1] @ self.V + self.c
        d_out = 2 * (out - y) / out.size
        gW, gU, gV, gc = np.zeros_like(self.W), np.zeros_like(self.U), hs[-1].T @ d_out, d_out.sum(0)
        dh = d_out @ self.V.T
        for t in reversed(range(T)):
            dz = dh * (1 - hs[t + 1] ** 2)
            gW += X[:, t].T @ dz
            gU += hs[t].T @ dz
            dh = dz @ self.U.T
        for p, g in ((self.W, gW), (self.U, gU), (self.V, gV), (self.c, gc)):
            p -= lr * g
        return np.mean((out - y) ** 2)
"""

RNN_TORCH = """
import torch
from torch import nn

class Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(3, 5, bias=False, batch_first=True)
        self.head = nn.Linear(5, 1)

    def forward(self, x):
        return self.head(self.rnn(x)[0][:, -1])

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def test_a_recurrent_layer_fed_batch_first_without_batch_first_is_named(tmp_path):
    rng = np.random.default_rng(0)
    np.savez(tmp_path / "seq.npz", X=rng.normal(size=(12, 4, 3)), y=rng.normal(size=(12, 1)))
    (tmp_path / "seq_numpy.py").write_text(RNN_NUMPY)
    args = ["check", f"{tmp_path}/seq_numpy.py:Seq", "--torch", f"{tmp_path}/seq_torch.py:Seq", "--as-written", "--data",
            f"{tmp_path}/seq.npz", "--steps", "2", "--json", str(tmp_path / "r.json"), "--param", "W=rnn.weight_ih_l0.T",
            "--param", "U=rnn.weight_hh_l0.T", "--param", "V=head.weight.T", "--param", "c=head.bias"]
    (tmp_path / "seq_torch.py").write_text(RNN_TORCH)
    assert CliRunner().invoke(cli, args).exit_code == 0
    (tmp_path / "seq_torch.py").write_text(RNN_TORCH.replace("batch_first=True", "batch_first=False"))
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    top = json.loads((tmp_path / "r.json").read_text())["diagnosis"][0]
    assert "batch_first=False" in top["explanation"] and top["evidence"]["side"] == "torch", top


def test_a_module_flag_that_changes_the_ports_gradient_is_found_by_flipping_it(tmp_path):
    directory = planted(tmp_path, "ngram_torch.py", "self.emb = nn.Embedding(vocab_size, n_embd)",
                        "self.emb = nn.Embedding(vocab_size, n_embd, scale_grad_by_freq=True)")
    path = tmp_path / "r.json"
    result = check(directory, "ngram", "--steps", "3", "--json", str(path))
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "port-gradient" and "scale_grad_by_freq=False" in top["explanation"] and top["score"] >= 0.9, top


def test_an_embeddings_padding_idx_fails_and_is_found_by_setting_it_back_to_none(tmp_path):
    """padding_idx=0 gives the row of token 0 no gradient: the port's zero there is no rounding (the NumPy program's
    gradient is real), so float32's float64 reference judges it, and the argument back at None is measured."""
    directory = planted(tmp_path, "ngram_torch.py", "self.emb = nn.Embedding(vocab_size, n_embd)",
                        "self.emb = nn.Embedding(vocab_size, n_embd, padding_idx=0)")
    path = tmp_path / "r.json"
    result = check(directory, "ngram", "--steps", "3", "--json", str(path))
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "port-gradient" and "padding_idx=None" in top["explanation"], top


def test_a_forward_reading_that_fails_on_values_it_was_not_written_for_leaves_the_others_to_be_tried():
    from parity.diagnosis.written_forward import _guarded
    assert _guarded(lambda: [][1]) is None
    assert _guarded(lambda: ("forward", "said", "fix", 0.8)) == ("forward", "said", "fix", 0.8)


MARGIN_NUMPY = """
import numpy as np

class Margin:
    def __init__(self):
        self.w, self.b = np.random.default_rng(0).normal(0, 0.5, (4, 1)), np.zeros(1)

    def train_step(self, X, y):
        s = 2 * y - 1                       # the margin form wants labels in {-1, +1}
        z = FORWARD
        loss = np.mean(np.logaddexp(0, -s * z))
        dz = -s / (1 + np.exp(s * z)) / len(X)
        self.w -= 0.1 * X.T @ dz
        self.b -= 0.1 * dz.sum(axis=0)
        return loss
"""

MARGIN_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Margin(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss
"""


def test_targets_made_for_a_margin_loss_are_no_cause_where_the_models_own_values_part_first(tmp_path):
    rng = np.random.default_rng(2)
    X = rng.normal(size=(30, 4))
    np.savez(tmp_path / "m.npz", X=X, y=(X[:, :1] > 0).astype(float))
    (tmp_path / "port.py").write_text(MARGIN_PORT)
    for forward, passes in (("X @ self.w + self.b", True), ("np.tanh(X) @ self.w + self.b", False)):
        (tmp_path / "margin.py").write_text(MARGIN_NUMPY.replace("FORWARD", forward))
        path = tmp_path / "r.json"
        result = CliRunner().invoke(cli, ["check", f"{tmp_path}/margin.py:Margin", "--torch", f"{tmp_path}/port.py:Margin",
                                          "--as-written", "--data", f"{tmp_path}/m.npz", "--steps", "3", "--param", "w=fc.weight.T",
                                          "--param", "b=fc.bias", "--json", str(path)])
        assert result.exit_code == (0 if passes else 1), result.output
        if not passes:
            top = json.loads(path.read_text())["diagnosis"][0]
            assert "targets are" not in top["explanation"], top


def test_a_bias_updated_and_left_out_of_the_forward_pass_is_read_by_moving_it(tmp_path):
    rng = np.random.default_rng(2)
    X = rng.normal(size=(30, 4))
    np.savez(tmp_path / "m.npz", X=X, y=(X[:, :1] > 0.3).astype(float))
    (tmp_path / "port.py").write_text(MARGIN_PORT)
    (tmp_path / "margin.py").write_text(MARGIN_NUMPY.replace("FORWARD", "X @ self.w"))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/margin.py:Margin", "--torch", f"{tmp_path}/port.py:Margin",
                                      "--as-written", "--data", f"{tmp_path}/m.npz", "--steps", "3", "--param", "w=fc.weight.T",
                                      "--param", "b=fc.bias", "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "missing-parameter" and top["evidence"]["parameter"] == "b" and top["evidence"]["side"] == "numpy", top


def test_a_transpose_of_a_reshaped_view_is_traced_to_the_reshape_not_lost_as_an_untraced_array():
    from parity.diagnosis.value_trace import _TRACE, Trace, TracedArray
    trace = Trace()
    x = np.random.default_rng(3).normal(size=(4, 6))
    _TRACE.append(trace)
    try:
        traced_x = x.view(TracedArray)
        trace.root("X", traced_x, x)
        windows = traced_x.reshape(4, 3, 2).transpose(0, 2, 1)  # flat columns read time-major: a view of a view
        windows.sum(axis=2)
        traced_x.reshape(4, 3, 2).swapaxes(1, 2).mean(axis=1)
    finally:
        _TRACE.pop()
    ops = [(v.op, v.inputs) for v in trace.values]
    assert ops[1][0] == "reshape" and ops[2] == ("transpose", (1,)) and ops[3][0] == "add.reduce" and ops[3][1] == (2,), ops
    assert ("swapaxes", (4,)) in ops, ops


def test_a_ports_reflected_operators_are_traced_in_the_order_written():
    import torch
    from parity.diagnosis.port_values import _TorchValues
    from parity.diagnosis.value_trace import Trace
    trace = Trace()
    x = torch.tensor([0.2, 0.5, 0.8], dtype=torch.float64)
    trace.root("X", x, x.numpy().copy())
    with _TorchValues(trace):
        quotient = 0.1 / x  # x.__rdiv__(0.1), __rtruediv__ by name
        difference = 1 - x
    ops = {v.op: v for v in trace.values}
    assert ops["div"].inputs == (0.1, 0) and np.allclose(ops["div"].array, quotient.numpy()), ops["div"]
    assert ops["sub"].inputs == (1.0, 0) and np.allclose(ops["sub"].array, difference.numpy()), ops["sub"]
