"""Another PyTorch port of ln_numpy.py, written with the library's own layers:
nn.LayerNorm (eps 1e-5, biased variance), nn.GELU(approximate="tanh"), each block an
nn.Sequential wrapped in a residual module, torch.optim.AdamW.

Parameters (model.named_parameters()) and the NumPy names they stand for:
    stem.weight = W_in.T, stem.bias = b_in
    blocks.{l}.body.0 (LayerNorm) = ln{l}_g / ln{l}_b
    blocks.{l}.body.1 (Linear)    = W1_{l}.T / b1_{l}
    blocks.{l}.body.3 (Linear)    = W2_{l}.T / b2_{l}
    norm.weight = lnf_g, norm.bias = lnf_b, out.weight = W_out.T, out.bias = b_out
"""

import torch
import torch.nn as nn


class Residual(nn.Module):
    def __init__(self, body):
        super().__init__()
        self.body = body

    def forward(self, x):
        return x + self.body(x)


class LNResMLP(nn.Module):
    def __init__(self, n_in=6, width=16, ff=32, n_out=2, n_blocks=2):
        super().__init__()
        self.stem = nn.Linear(n_in, width)
        self.blocks = nn.Sequential(*[
            Residual(nn.Sequential(nn.LayerNorm(width, eps=1e-5), nn.Linear(width, ff),
                                   nn.GELU(approximate="tanh"), nn.Linear(ff, width)))
            for _ in range(n_blocks)])
        self.norm = nn.LayerNorm(width, eps=1e-5)
        self.out = nn.Linear(width, n_out)

    def forward(self, X):
        return self.out(self.norm(self.blocks(self.stem(X))))


loss_fn = nn.MSELoss()


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
