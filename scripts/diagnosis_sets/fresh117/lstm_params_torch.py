"""LSTM regressor port kept as raw nn.Parameters in the NumPy layout (Wx (D, 4H), Wh (H, 4H),
b (4H), Wy (H, 1), by (1)), gates cut with torch.split, the hidden states summed in a running
total and divided by T; the squared error written out; the gradient clipped by value with
p.grad.clamp_ in place; torch.optim.RMSprop(alpha=0.9) whose learning rate is set by hand in
param_groups before each step (LR * GAMMA ** (updates // STEP)) instead of a scheduler."""

import torch
from torch import nn

T, D, H = 5, 3, 6
LR, ALPHA, EPS = 0.01, 0.9, 1e-8
CLIP, STEP, GAMMA = 0.05, 6, 0.5


class LSTMRegressorP(nn.Module):
    def __init__(self):
        super().__init__()
        s = H ** -0.5
        self.Wx = nn.Parameter(torch.empty(D, 4 * H).uniform_(-s, s))
        self.Wh = nn.Parameter(torch.empty(H, 4 * H).uniform_(-s, s))
        b = torch.zeros(4 * H)
        b[H:2 * H] = 1.0
        self.b = nn.Parameter(b)
        self.Wy = nn.Parameter(torch.empty(H, 1).uniform_(-s, s))
        self.by = nn.Parameter(torch.zeros(1))
        self.updates = 0

    def forward(self, X):
        n = X.shape[0]
        h = torch.zeros(n, H, dtype=X.dtype)
        c = torch.zeros(n, H, dtype=X.dtype)
        total = torch.zeros(n, H, dtype=X.dtype)
        for x in X.reshape(n, T, D).unbind(dim=1):
            a_i, a_f, a_g, a_o = torch.split(torch.addmm(self.b, x, self.Wx) + h @ self.Wh, H, dim=1)
            c = a_f.sigmoid() * c + a_i.sigmoid() * a_g.tanh()
            h = a_o.sigmoid() * c.tanh()
            total = total + h
        return (total / T) @ self.Wy + self.by


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    for group in optimizer.param_groups:
        group["lr"] = LR * GAMMA ** (model.updates // STEP)
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p.grad.clamp_(-CLIP, CLIP)
    optimizer.step()
    model.updates += 1
    return loss.item()
