"""TripletNet port with raw parameters: W1 (in, hidden) and W2 (hidden, emb) as nn.Parameters
used as X @ W1 and h @ W2; every point embedded once, the embeddings normalised with
torch.rsqrt(|e|^2 + EPS) and gathered with torch.index_select by the index columns of y; the
hinge with F.relu; the margin schedule a counter kept in make_optimizer's closure state (the
optimizer's param_groups); torch.optim.AdamW(foreach=False)."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, EMB = 10, 24, 8
LR, WD = 0.005, 0.01
M0, M_STEP, M_MAX = 0.3, 0.05, 1.0
EPS = 1e-6


class TripletParams(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, HIDDEN) * 0.3)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.randn(HIDDEN, EMB) * 0.2)
        self.b2 = nn.Parameter(torch.zeros(EMB))

    def forward(self, X):
        e = torch.relu(X @ self.W1 + self.b1) @ self.W2 + self.b2
        return e * torch.rsqrt(e.pow(2).sum(dim=1, keepdim=True) + EPS)


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, betas=(0.9, 0.999), eps=1e-8,
                                  weight_decay=WD, foreach=False)
    optimizer.param_groups[0]["margin_updates"] = 0
    return optimizer


def train_step(model, optimizer, X, y):
    group = optimizer.param_groups[0]
    margin = min(M_MAX, M0 + M_STEP * group["margin_updates"])
    u = model(X)
    idx = y.to(torch.long)
    a = torch.index_select(u, 0, idx[:, 0])
    p = torch.index_select(u, 0, idx[:, 1])
    n = torch.index_select(u, 0, idx[:, 2])
    dap = torch.linalg.vector_norm(a - p, dim=1) ** 2
    dan = torch.linalg.vector_norm(a - n, dim=1) ** 2
    loss = F.relu(dap - dan + margin).mean()
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    group["margin_updates"] += 1
    return loss.item()
