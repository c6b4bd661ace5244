"""The hypernetwork of hyper_numpy.py ported with raw nn.Parameters in the NumPy layout.

No nn.Linear: every weight is kept (in, out) as the NumPy program keeps it, the
generated weights are applied with einsum, and the loss is written as
log_softmax + nll_loss.

Parameters (model.named_parameters()) = the NumPy names: H1 (3, 8), c1 (8,),
H2 (8, 30), c2 (30,), bt (5,), Wo (5, 3), bo (3,). torch.optim.Adam.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HyperNetRaw(nn.Module):
    def __init__(self, n_x=6, n_z=3, hyper_hidden=8, n_t=5, n_cls=3):
        super().__init__()
        self.n_x, self.n_t = n_x, n_t
        self.H1 = nn.Parameter(torch.randn(n_z, hyper_hidden) / n_z ** 0.5)
        self.c1 = nn.Parameter(torch.zeros(hyper_hidden))
        self.H2 = nn.Parameter(0.1 * torch.randn(hyper_hidden, n_x * n_t))
        self.c2 = nn.Parameter(torch.randn(n_x * n_t) / n_x ** 0.5)
        self.bt = nn.Parameter(torch.zeros(n_t))
        self.Wo = nn.Parameter(torch.randn(n_t, n_cls) / n_t ** 0.5)
        self.bo = nn.Parameter(torch.zeros(n_cls))

    def forward(self, X):
        x, z = X[:, :self.n_x], X[:, self.n_x:]
        u = torch.tanh(z @ self.H1 + self.c1)
        Wgen = (u @ self.H2 + self.c2).reshape(X.shape[0], self.n_x, self.n_t)
        a = torch.tanh(torch.einsum("ni,nio->no", x, Wgen) + self.bt)
        return a @ self.Wo + self.bo


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = F.nll_loss(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    return loss.item()
