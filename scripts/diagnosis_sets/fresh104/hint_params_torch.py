"""HintStudent as a port with raw nn.Parameters kept in the NumPy layout (x @ W1, h @ A), the
squared errors written as ((a - b) ** 2).mean(), the global-norm clipping done by hand on the
.grad tensors, and AdamW written as torch.optim.Adam without weight decay plus the decoupled decay
p *= 1 - LR * WD applied to the three weights under no_grad before optimizer.step(). The hint
weight's step count is an extra key kept in the optimizer's first parameter group."""

import torch
from torch import nn

D, HIDDEN, HINT, OUT = 8, 5, 6, 2
BETA, GAMMA, FADE = 0.5, 1.0, 12
LR, WD, MAX_NORM = 0.02, 0.05, 0.5


class HintStudentP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, HIDDEN) / D ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.randn(HIDDEN, OUT) / HIDDEN ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(OUT))
        self.A = nn.Parameter(torch.randn(HIDDEN, HINT) / HIDDEN ** 0.5)
        self.a = nn.Parameter(torch.zeros(HINT))

    def forward(self, x):
        h = torch.tanh(x @ self.W1 + self.b1)
        return h @ self.W2 + self.b2, h @ self.A + self.a


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=0.0)
    optimizer.param_groups[0]["hint_step"] = 0
    return optimizer


def train_step(model, optimizer, X, y):
    x, t_hint, t_out = X[:, :D], X[:, D:D + HINT], X[:, D + HINT:]
    group = optimizer.param_groups[0]
    group["hint_step"] += 1
    gamma = GAMMA * max(0.0, 1.0 - (group["hint_step"] - 1) / FADE)

    optimizer.zero_grad(set_to_none=True)
    out, r = model(x)
    loss = ((1.0 - BETA) * ((out - y) ** 2).mean() + BETA * ((out - t_out) ** 2).mean()
            + gamma * ((r - t_hint) ** 2).mean())
    loss.backward()

    params = list(model.parameters())
    total = torch.sqrt(sum((p.grad ** 2).sum() for p in params))
    coef = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
    with torch.no_grad():
        for p in params:
            p.grad.mul_(coef)
        for w in (model.W1, model.W2, model.A):
            w.mul_(1.0 - group["lr"] * WD)
    optimizer.step()
    return loss.item()
