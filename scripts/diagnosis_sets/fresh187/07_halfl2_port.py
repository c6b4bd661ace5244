"""PyTorch port of cdk_numpy.py: CD-2 with the gradients written into .grad by hand.

No autograd: the chain and the statistics are computed under no_grad, each parameter's .grad is
set to the descent direction (L2 term included), and torch.optim.SGD(momentum=0.9) steps.

Parameters: weight (n_visible, n_hidden) (= NumPy W), visible_bias (= vb), hidden_bias (= hb).
"""

import torch
import torch.nn as nn


class CDkRBM(nn.Module):
    def __init__(self, n_visible=20, n_hidden=12, k=2, l2=1e-2):
        super().__init__()
        self.k, self.l2 = k, l2
        self.weight = nn.Parameter(torch.randn(n_visible, n_hidden) * 0.1)
        self.visible_bias = nn.Parameter(torch.zeros(n_visible))
        self.hidden_bias = nn.Parameter(torch.zeros(n_hidden))

    def p_h(self, v):
        return torch.sigmoid(v @ self.weight + self.hidden_bias)

    def p_v(self, h):
        return torch.sigmoid(h @ self.weight.T + self.visible_bias)

    @torch.no_grad()
    def forward(self, v0, noise):
        nv, nh = self.weight.shape
        v, ph = v0, self.p_h(v0)
        for t in range(self.k):
            off = t * (nh + nv)
            h = (noise[:, off:off + nh] < ph).to(v0.dtype)
            pv = self.p_v(h)
            v = (noise[:, off + nh:off + nh + nv] < pv).to(v0.dtype)
            ph = self.p_h(v)
        return v, ph, pv


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    with torch.no_grad():
        ph0 = model.p_h(X)
        vk, phk, pvk = model(X, y)
        N = X.shape[0]
        model.weight.grad = -(X.T @ ph0 - vk.T @ phk) / N + 0.5 * model.l2 * model.weight
        model.visible_bias.grad = -(X - vk).mean(dim=0)
        model.hidden_bias.grad = -(ph0 - phk).mean(dim=0)
        loss = ((X - pvk) ** 2).sum(dim=1).mean()
    optimizer.step()
    return loss.item()
