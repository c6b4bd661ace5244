"""AnnealKD as a port built on nn.Sequential(Linear, Tanh, Linear), the step count a long buffer
registered on the module, the KL written as F.kl_div with log_target=True over the teacher's
log_softmax, summed and divided by the rows, the hard term as F.nll_loss of log_softmax, and
torch.optim.RMSprop(foreach=False)."""

import torch
import torch.nn.functional as F
from torch import nn

D, K, HIDDEN = 6, 3, 8
ALPHA, T0, T1, ANNEAL = 0.6, 4.0, 1.5, 15
LR, RHO, EPS = 0.005, 0.99, 1e-8


class AnnealKDSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(D, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, K))
        self.register_buffer("step", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        return self.body(x)

    def temperature(self):
        frac = min(1.0, (int(self.step) - 1) / ANNEAL)
        return T0 + (T1 - T0) * frac


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS, foreach=False)


def train_step(model, optimizer, X, y):
    model.step += 1
    T = model.temperature()
    x, t_logits = X[:, :D], X[:, D:]
    optimizer.zero_grad()
    s = model(x)
    n = s.shape[0]
    kl = F.kl_div(F.log_softmax(s / T, dim=-1), F.log_softmax(t_logits / T, dim=-1), reduction="sum",
                  log_target=True) / n
    hard = F.nll_loss(F.log_softmax(s, dim=-1), y)
    loss = ALPHA * T ** 2 * kl + (1.0 - ALPHA) * hard
    loss.backward()
    optimizer.step()
    return loss.item()
