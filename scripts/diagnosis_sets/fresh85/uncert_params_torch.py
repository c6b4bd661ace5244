"""UncertaintyMTL ported with raw parameters: every weight an nn.Parameter kept (in, out) and used as
X @ W, the two log-variances one nn.Parameter; the recorded-stay mask applied with torch.where, the
readmission cross-entropy written as softplus(z) - b z, the uncertainty weighting as
torch.dot(exp(-s), losses) + s.sum(); torch.optim.Adam(foreach=False) whose warmup learning rate is
written into its param_groups by hand before each optimizer.step()."""

import torch
import torch.nn.functional as F
from torch import nn

D, H1, H2 = 12, 16, 8
LR, WARMUP = 0.01, 5


class UncertaintyMTLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, H1) * (2.0 / D) ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(H1))
        self.W2 = nn.Parameter(torch.randn(H1, H2) * (2.0 / H1) ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(H2))
        self.Wr = nn.Parameter(torch.randn(H2, 1) / H2 ** 0.5)
        self.br = nn.Parameter(torch.zeros(1))
        self.Wb = nn.Parameter(torch.randn(H2, 1) / H2 ** 0.5)
        self.bb = nn.Parameter(torch.zeros(1))
        self.s = nn.Parameter(torch.zeros(2))
        self.updates_done = 0

    def forward(self, X):
        h = torch.clamp(X @ self.W1 + self.b1, min=0)
        h = torch.clamp(h @ self.W2 + self.b2, min=0)
        heads = h @ torch.cat([self.Wr, self.Wb], dim=1) + torch.cat([self.br, self.bb])
        return heads[:, 0], heads[:, 1]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.999), eps=1e-8, foreach=False)


def train_step(model, optimizer, X, y):
    stay, recorded, readm = y.unbind(dim=1)
    for p in model.parameters():
        p.grad = None
    r, zb = model(X)
    abs_err = torch.where(recorded > 0, (r - stay).abs(), torch.zeros_like(r))
    l_reg = abs_err.sum() / torch.clamp(recorded.sum(), min=1.0)
    l_bin = (F.softplus(zb) - readm * zb).mean()
    loss = torch.dot(torch.exp(-model.s), torch.stack((l_reg, l_bin))) + model.s.sum()
    loss.backward()
    model.updates_done += 1
    for group in optimizer.param_groups:
        group["lr"] = LR * min(1.0, model.updates_done / WARMUP)
    optimizer.step()
    return float(loss)
