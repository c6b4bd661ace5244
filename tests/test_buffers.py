"""Readings measured on the round of blind sets fresh156 to fresh160. A NumPy recurrence in the lstm.py style keeps
its steps in time-major buffers (Hin[t, :, 1:1 + D] = x_t; G[t, :, :2H] = sigmoid(a[:, :2H])): a write of an agreed
value into a buffer is no parting, and gates computed in one call on one side and one by one on the other agree
side by side; a step's value agrees with that step of the port's stacked one (the gradient at a stack of h_t). Where
the two part is then the op after the agreed value, not the first write into a buffer, and a BPTT that leaves out the
recurrent gradient goes on from the stack's share alone."""

import numpy as np
import pytest

from parity.diagnosis.agreements import agreements, plain_write
from parity.diagnosis.value_trace import Trace
from tests.helpers import check_pair

BUFFERED_NUMPY = """import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Net:
    # a gated recurrence in the lstm.py style: [1, x_t, h_{t-1}] @ W into time-major buffers

    def __init__(self, d=3, h=4):
        rng = np.random.default_rng(0)
        self.d, self.h = d, h
        self.W = rng.normal(0.0, 0.4, (1 + d + h, 3 * h))
        self.V = rng.normal(0.0, 0.4, (h, 1))

    def train_step(self, X, y):
        N, T, D = X.shape
        H = self.h
        Hin = np.zeros((T, N, 1 + D + H))
        G = np.zeros((T, N, 3 * H))
        Ct = np.zeros((T, N, H))
        Hout = np.zeros((T, N, H))
        h = np.zeros((N, H))
        for t in range(T):
            Hin[t, :, 0] = 1
            Hin[t, :, 1:1 + D] = X[:, t]
            Hin[t, :, 1 + D:] = h
            a = Hin[t] @ self.W
            G[t, :, :2 * H] = {gates}(a[:, :2 * H])
            G[t, :, 2 * H:] = np.tanh(a[:, 2 * H:])
            i, o, g = G[t, :, :H], G[t, :, H:2 * H], G[t, :, 2 * H:]
            Ct[t] = np.tanh(i * g)
            Hout[t] = o * Ct[t]
            h = Hout[t]
        out = Hout @ self.V                        # (T, N, 1)
        d = out[:, :, 0] - y.T
        loss = np.mean(d ** 2)
        dout = 2 * d[:, :, None] / d.size
        dV = np.einsum("tnh,tno->ho", Hout, dout)
        dW = np.zeros_like(self.W)
        dh_next = np.zeros((N, H))
        for t in reversed(range(T)):
            dh = dout[t] @ self.V.T{recurrent}
            i, o, g = G[t, :, :H], G[t, :, H:2 * H], G[t, :, 2 * H:]
            do = dh * Ct[t]
            dc = dh * o * (1 - Ct[t] ** 2)
            di, dg = dc * g, dc * i
            da = np.concatenate([di * i * (1 - i), do * o * (1 - o), dg * (1 - g ** 2)], axis=1)
            dW += Hin[t].T @ da
            dh_next = (da @ self.W.T)[:, 1 + D:]
        self.W -= 0.1 * dW
        self.V -= 0.1 * dV
        return loss
"""

STEPPED_PORT = """import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, d=3, h=4):
        super().__init__()
        self.h = h
        self.W = nn.Parameter(torch.zeros(1 + d + h, 3 * h))
        self.V = nn.Parameter(torch.zeros(h, 1))

    def forward(self, X):
        N, T, _ = X.shape
        H = self.h
        h = X.new_zeros(N, H)
        hs = []
        for t in range(T):
            a = torch.cat([X.new_ones(N, 1), X[:, t], h], dim=1) @ self.W
            i = torch.sigmoid(a[:, :H])
            o = torch.sigmoid(a[:, H:2 * H])
            g = torch.tanh(a[:, 2 * H:])
            h = o * {cell}
            hs.append(h)
        return (torch.stack(hs, dim=1) @ self.V)[:, :, 0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _data() -> dict:
    rng = np.random.default_rng(1)
    return {"X": rng.normal(size=(12, 4, 3)), "y": 0.5 * rng.normal(size=(12, 4))}


@pytest.mark.parametrize("gates, cell, recurrent, words", [
    ("sigmoid", "torch.tanh(i * g)", " + dh_next", None),
    ("sigmoid", "(i * g)", " + dh_next", "the port's own tanh, called again with the value both agree on"),
    ("np.tanh", "torch.tanh(i * g)", " + dh_next", "the NumPy program computes tanh there where the port computes sigmoid"),
    ("sigmoid", "torch.tanh(i * g)", "", "the recurrent path from the next time step), that path's term left out"),
])
def test_a_recurrence_written_into_time_major_buffers_parts_where_an_op_does(tmp_path, gates, cell, recurrent, words):
    numpy_text = BUFFERED_NUMPY.replace("{gates}", gates).replace("{recurrent}", recurrent)
    code, top = check_pair(tmp_path, numpy_text, STEPPED_PORT.replace("{cell}", cell), _data(), ["W=W", "V=V"], "--steps", "2")
    if words is None:
        assert code == 0, top
        return
    assert code == 1 and words in top["explanation"], top
    assert "setitem" not in str(top["evidence"].get("numpy_ops", top["evidence"].get("numpy_op"))), top


def _value(trace: Trace, op: str, array: np.ndarray, inputs: tuple) -> int:
    trace._add(op, np.asarray(array, np.float64), inputs, "")
    return len(trace.values) - 1


def test_gates_joined_side_by_side_agree_and_a_write_of_them_is_plain():
    rng = np.random.default_rng(2)
    i, o = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    mine, theirs = Trace(), Trace()
    joined = _value(mine, "sigmoid", np.concatenate([i, o], axis=1), ())
    buffer = _value(mine, "zeros", np.zeros((3, 6, 8)), ())
    written = np.zeros((3, 6, 8))
    written[0] = np.concatenate([i, o], axis=1)
    write = _value(mine, "setitem (in place)", written, (buffer, joined))
    other = _value(mine, "tanh", np.tanh(i), ())
    _value(theirs, "sigmoid", i, ())
    _value(theirs, "sigmoid", o, ())
    agreed = agreements(mine, theirs, 1e-9)
    assert joined in agreed and other not in agreed
    assert plain_write(mine, write, agreed)
    mine.values[write] = mine.values[write].__class__(write, "setitem (in place)", written, (buffer, other))
    assert not plain_write(mine, write, agreed)

