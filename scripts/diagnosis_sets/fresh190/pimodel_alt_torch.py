"""Another correct port of pimodel_numpy.py: the weights as the module's own nn.Parameters
(W1, b1, W2, b2, W3, b3, kept (out, in)), three forward passes, the consistency loss and the
entropy written out by hand (torch.special.entr), the ramp-up weight from a precomputed table.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

RAMP = [10.0 * math.exp(-5.0 * (1.0 - min(t, 10) / 10) ** 2) for t in range(1000)]


class PiModelPort(nn.Module):
    def __init__(self, n_in=8, hidden=24, n_classes=4):
        super().__init__()
        self.W1 = nn.Parameter(torch.empty(hidden, n_in))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.empty(hidden, hidden))
        self.b2 = nn.Parameter(torch.zeros(hidden))
        self.W3 = nn.Parameter(torch.empty(n_classes, hidden))
        self.b3 = nn.Parameter(torch.zeros(n_classes))
        for w in (self.W1, self.W2, self.W3):
            nn.init.kaiming_normal_(w, nonlinearity="relu")
        self.register_buffer("t", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        h = F.relu(x @ self.W1.T + self.b1)
        h = F.relu(h @ self.W2.T + self.b2)
        return h @ self.W3.T + self.b3


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    model.t += 1
    w = RAMP[int(model.t)]
    d = X.shape[1] // 2
    unl = y < 0
    optimizer.zero_grad()
    loss_s = F.cross_entropy(model(X[~unl, :d]), y[~unl])
    p_w = model(X[unl, :d]).softmax(dim=-1)
    p_s = model(X[unl, d:]).softmax(dim=-1)
    loss_c = (p_s - p_w).pow(2).mean()
    ent = torch.special.entr(p_w).sum(dim=-1).mean()
    loss = loss_s + w * loss_c + 0.1 * ent
    loss.backward()
    optimizer.step()
    return loss.item()
