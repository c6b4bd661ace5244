"""PyTorch port of hyper_numpy.py: a hypernetwork that generates the target layer's weights.

    u = tanh(hyper1(z)); Wgen = hyper2(u).view(N, 6, 5)
    a = tanh(bmm(x[:, None, :], Wgen)[:, 0] + bt); logits = out(a)

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    hyper1.weight  (8, 3)    = H1.T
    hyper1.bias    (8,)      = c1
    hyper2.weight  (30, 8)   = H2.T
    hyper2.bias    (30,)     = c2
    bt             (5,)      = bt
    out.weight     (3, 5)    = Wo.T
    out.bias       (3,)      = bo
F.cross_entropy on the logits, torch.optim.Adam.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class HyperNet(nn.Module):
    def __init__(self, n_x=6, n_z=3, hyper_hidden=8, n_t=5, n_cls=3):
        super().__init__()
        self.n_x, self.n_t = n_x, n_t
        self.hyper1 = nn.Linear(n_z, hyper_hidden)
        self.hyper2 = nn.Linear(hyper_hidden, n_x * n_t)
        self.bt = nn.Parameter(torch.zeros(n_t))
        self.out = nn.Linear(n_t, n_cls)

    def forward(self, X):
        x, z = X[:, :self.n_x], X[:, self.n_x:]
        u = torch.tanh(self.hyper1(z))
        Wgen = self.hyper2(u).view(-1, self.n_x, self.n_t)
        t = torch.bmm(x.unsqueeze(1), Wgen).squeeze(1) + self.bt
        return self.out(torch.tanh(t))


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hyper.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"])
    model = HyperNet()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 30 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
