"""The normalised RBF classifier of rbf_cls_numpy.py ported with plain parameters (correct).

The readout weight is kept (K, classes) as in NumPy (no nn.Linear), the
normalisation is written as a softmax over the centres of the log-kernels
(exp(z_k) / sum_j exp(z_j) = phi_k / sum_j phi_j), and the cross-entropy by hand
with log_softmax. torch.optim.Adam(lr=0.02).

Parameters: C (12, 2), log_s (12,), W (12, 3), b (3,), the NumPy layout.
"""

import os

import numpy as np
import torch
import torch.nn as nn


class PlainRBF(nn.Module):
    def __init__(self, n_in=2, n_centres=12, classes=3):
        super().__init__()
        self.C = nn.Parameter(torch.randn(n_centres, n_in))
        self.log_s = nn.Parameter(torch.zeros(n_centres))
        self.W = nn.Parameter(0.5 * torch.randn(n_centres, classes))
        self.b = nn.Parameter(torch.zeros(classes))

    def forward(self, X):
        d2 = (X[:, None, :] - self.C).pow(2).sum(-1)
        z = -0.5 * d2 / torch.exp(self.log_s).pow(2)
        g = torch.softmax(z, dim=1)
        return g @ self.W + self.b


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    logits = model(X)
    loss = -logits.log_softmax(dim=1)[torch.arange(len(y)), y].mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rbf_cls.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"])
    model = PlainRBF()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
