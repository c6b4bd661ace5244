"""PyTorch port of rbm_numpy.py: CD-1 through the free-energy surrogate.

The Gibbs chain runs without autograd (the noise comes in as y); the loss is
F(v0).mean() - F(v1).mean() with v1 a constant, whose gradient is minus the CD-1 statistics.
SGD with momentum 0.5; weight decay only on the weight matrix.

Parameters: W (n_hidden, n_visible) as nn.Linear keeps it (= NumPy W.T), v_bias (= b), h_bias (= c).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RBM(nn.Module):
    def __init__(self, n_visible=16, n_hidden=10):
        super().__init__()
        self.n_visible, self.n_hidden = n_visible, n_hidden
        self.W = nn.Parameter(0.1 * torch.randn(n_hidden, n_visible))
        self.v_bias = nn.Parameter(torch.zeros(n_visible))
        self.h_bias = nn.Parameter(torch.zeros(n_hidden))

    def free_energy(self, v):
        vbias_term = v @ self.v_bias
        hidden_term = F.softplus(F.linear(v, self.W, self.h_bias)).sum(dim=1)
        return -vbias_term - hidden_term

    @torch.no_grad()
    def forward(self, v0, noise):
        """One Gibbs step v0 -> h0 -> v1; returns the negative sample v1."""
        u_h, u_v = noise[:, :self.n_hidden], noise[:, self.n_hidden:]
        ph0 = torch.sigmoid(F.linear(v0, self.W, self.h_bias))
        h0 = (u_h < ph0).to(v0.dtype)
        pv1 = torch.sigmoid(F.linear(h0, self.W.t(), self.v_bias))
        return (u_v < pv1).to(v0.dtype)


def make_optimizer(model, lr=0.1, momentum=0.5, weight_decay=5e-3):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum,
                           weight_decay=weight_decay)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    vk = model(X, y).detach()
    loss = model.free_energy(X).mean() - model.free_energy(vk).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
