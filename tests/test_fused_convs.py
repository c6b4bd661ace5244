"""torch's convolutions and attention written out in the trace of a port's step (`fused_convs`): the written-out forms
agree with torch's fused ops in float64, and a NumPy convolution whose hand-written backward scatters the columns'
gradient back to the input is then met where it does: at the padded input (a crop one position off) and at the
columns (a scatter without the forward's stride)."""

import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.fused_convs import CONVS


def _random(generator: torch.Generator, *shape: int) -> torch.Tensor:
    return torch.randn(*shape, dtype=torch.float64, generator=generator)


@pytest.mark.parametrize("weight, arguments", [
    ((6, 4, 3, 3), {"stride": 2, "padding": 1}),
    ((6, 2, 3, 2), {"groups": 2, "dilation": 2, "padding": (1, 2)}),
    ((4, 1, 3, 3), {"groups": 4, "padding": "same"}),
    ((5, 4, 2, 2), {"padding": "valid", "stride": (1, 2)}),
])
def test_the_written_out_conv2d_agrees_with_torchs(weight, arguments):
    generator = torch.Generator().manual_seed(7)
    x, w, b = _random(generator, 3, 4, 9, 8), _random(generator, *weight), _random(generator, weight[0])
    assert torch.allclose(CONVS["conv2d"](x, w, b, **arguments), F.conv2d(x, w, b, **arguments), atol=1e-12)


@pytest.mark.parametrize("weight, arguments", [
    ((6, 4, 3), {"stride": 2, "padding": 1}),
    ((6, 2, 3), {"groups": 2, "dilation": 2, "padding": 2}),
    ((4, 1, 5), {"groups": 4, "padding": "same", "dilation": 3}),
])
def test_the_written_out_conv1d_agrees_with_torchs(weight, arguments):
    generator = torch.Generator().manual_seed(8)
    x, w = _random(generator, 3, 4, 11), _random(generator, *weight)
    assert torch.allclose(CONVS["conv1d"](x, w, None, **arguments), F.conv1d(x, w, None, **arguments), atol=1e-12)


def test_the_written_out_attention_agrees_with_torchs():
    generator = torch.Generator().manual_seed(9)
    q, k, v = _random(generator, 2, 3, 5, 4), _random(generator, 2, 3, 6, 4), _random(generator, 2, 3, 6, 4)
    keep = torch.rand(5, 6, generator=generator) > 0.3
    keep[:, 0] = True
    attend = CONVS["scaled_dot_product_attention"]
    assert torch.allclose(attend(q, k, v, attn_mask=keep), F.scaled_dot_product_attention(q, k, v, attn_mask=keep), atol=1e-12)
    added = _random(generator, 5, 6)
    assert torch.allclose(attend(q, k, v, attn_mask=added), F.scaled_dot_product_attention(q, k, v, attn_mask=added), atol=1e-12)
    q, k, v = _random(generator, 2, 5, 4), _random(generator, 2, 5, 4), _random(generator, 2, 5, 4)
    assert torch.allclose(attend(q, k, v, is_causal=True, scale=0.3),
                          F.scaled_dot_product_attention(q, k, v, is_causal=True, scale=0.3), atol=1e-12)
    assert attend(q, k, v, dropout_p=0.1) is None  # a random mask drawn inside: left to torch


CONV_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.params = {"K1": rng.normal(0, 0.4, (4, 2, 3)), "b1": np.zeros(4),
                       "K2": rng.normal(0, 0.4, (3, 4, 3)), "W": rng.normal(0, 0.4, (3, 1)), "b": np.zeros(1)}

    def conv(self, x, K, b, stride, pad):
        xp = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
        n, c, _ = xp.shape
        k = K.shape[2]
        lout = (xp.shape[2] - k) // stride + 1
        cols = np.empty((n, c, k, lout))
        for j in range(k):
            cols[:, :, j, :] = xp[:, :, j:j + stride * lout:stride]
        cols = cols.reshape(n, c * k, lout)
        out = np.einsum("ok,nkl->nol", K.reshape(K.shape[0], -1), cols)
        return (out if b is None else out + b[None, :, None]), (xp, cols, stride, pad, k, lout)

    def conv_back(self, dout, K, cache):
        xp, cols, stride, pad, k, lout = cache
        n, c, lp = xp.shape
        dK = np.einsum("nol,nkl->ok", dout, cols).reshape(K.shape)
        dcols = np.einsum("ok,nol->nkl", K.reshape(K.shape[0], -1), dout).reshape(n, c, k, lout)
        dxp = np.zeros_like(xp)
        for j in range(k):
            dxp[:, :, {scatter}] += dcols[:, :, j, :]
        return dxp[:, :, {crop}], dK

    def train_step(self, X, y):
        p = self.params
        h1, c1 = self.conv(X, p["K1"], p["b1"], 1, 1)
        a1 = np.tanh(h1)
        h2, c2 = self.conv(a1, p["K2"], None, 2, 1)
        a2 = np.maximum(h2, 0)
        f = a2.mean(axis=2)
        out = f @ p["W"] + p["b"]
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / out.size
        g = {"W": f.T @ dout, "b": dout.sum(axis=0)}
        da2 = np.repeat((dout @ p["W"].T)[:, :, None], a2.shape[2], axis=2) / a2.shape[2]
        da1, g["K2"] = self.conv_back(da2 * (h2 > 0), p["K2"], c2)
        dh1 = da1 * (1 - a1 ** 2)
        _, g["K1"] = self.conv_back(dh1, p["K1"], c1)
        g["b1"] = dh1.sum(axis=(0, 2))
        for name in p:
            p[name] -= 0.1 * g[name]
        return loss
"""

CONV_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv1d(2, 4, 3, padding=1)
        self.c2 = nn.Conv1d(4, 3, 3, stride=2, padding=1, bias=False)
        self.fc = nn.Linear(3, 1)

    def forward(self, x):
        return self.fc(torch.relu(self.c2(torch.tanh(self.c1(x)))).mean(dim=2))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
"""

PAIRS = ("params['K1']=c1.weight", "params['b1']=c1.bias", "params['K2']=c2.weight", "params['W']=fc.weight.T",
         "params['b']=fc.bias")


@pytest.mark.parametrize("scatter, crop, words", [
    ("j:j + stride * lout:stride", "pad:lp - pad", None),
    ("j:j + lout", "pad:lp - pad", "each slice steps otherwise: a stride left out"),  # the forward's stride not scattered
    ("j:j + stride * lout:stride", ":lp - 2 * pad", "the slice is taken at another offset"),  # cropped from one end
])
def test_a_hand_written_conv_backward_is_met_at_the_columns_and_the_padded_input(tmp_path, scatter, crop, words):
    X = np.random.default_rng(3).normal(size=(16, 2, 10))
    np.savez(tmp_path / "data.npz", X=X, y=(X[:, 0].mean(axis=1, keepdims=True) > 0).astype(float))
    (tmp_path / "conv_numpy.py").write_text(CONV_NUMPY.replace("{scatter}", scatter).replace("{crop}", crop))
    (tmp_path / "conv_torch.py").write_text(CONV_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/conv_numpy.py:Net", "--torch", f"{tmp_path}/conv_torch.py:Net", "--as-written",
        "--data", str(tmp_path / "data.npz"), "--steps", "2", "--json", str(report), "--quiet",
        *(a for p in PAIRS for a in ("--param", p))])
    if words is None:
        assert result.exit_code == 0, result.output
        return
    top = json.loads(report.read_text())["diagnosis"][0]
    assert result.exit_code == 1 and top["name"] == "numpy-backward" and words in top["explanation"], top
