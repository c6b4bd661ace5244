"""SwitchMoE ported another way: raw nn.Parameters, each row's expert weights gathered by index.

The gate is X @ Wg + bg with log_softmax, the chosen probability exp(logp[n, e]); each row takes
its expert's weights, W1[idx] (n, 4, 6) and W2[idx] (n, 6, 2), and runs through torch.bmm, so
only the chosen expert is evaluated per row; the Huber loss is written with torch.where; the
load-balancing fraction is F.one_hot(idx).mean(0). torch.optim.RMSprop(alpha=0.9,
foreach=False) with the exponential decay written as a LambdaLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, O, E, H = 4, 2, 4, 6
LR, ALPHA, EPS, GAMMA = 0.01, 0.9, 1e-8, 0.95
DELTA, AUX, SLOPE = 0.5, 0.05, 0.1


class SwitchMoEGather(nn.Module):
    def __init__(self):
        super().__init__()
        self.Wg = nn.Parameter(0.5 * torch.randn(D, E))
        self.bg = nn.Parameter(torch.zeros(E))
        self.W1 = nn.Parameter(0.5 * torch.randn(E, D, H))
        self.b1 = nn.Parameter(torch.zeros(E, H))
        self.W2 = nn.Parameter(0.4 * torch.randn(E, H, O))
        self.b2 = nn.Parameter(torch.zeros(E, O))

    def forward(self, X):
        logp = torch.log_softmax(X @ self.Wg + self.bg, dim=-1)
        idx = logp.argmax(dim=-1)
        gv = logp.gather(1, idx[:, None]).exp()
        h = F.leaky_relu(torch.bmm(X[:, None, :], self.W1[idx]).squeeze(1) + self.b1[idx], SLOPE)
        out = torch.bmm(h[:, None, :], self.W2[idx]).squeeze(1) + self.b2[idx]
        return gv * out, logp.exp(), idx


def huber_mean(r):
    a = r.abs()
    return torch.where(a <= DELTA, 0.5 * r * r, DELTA * (a - 0.5 * DELTA)).mean()


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, foreach=False)
    return optimizer, LambdaLR(optimizer, lambda s: GAMMA ** s)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    yhat, gate, idx = model(X)
    frac = F.one_hot(idx, E).to(gate.dtype).mean(dim=0)
    loss = huber_mean(yhat - y) + AUX * E * (frac * gate.mean(dim=0)).sum()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
