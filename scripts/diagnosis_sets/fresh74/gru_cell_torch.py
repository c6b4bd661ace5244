"""Another port of gru_numpy.py: an nn.GRUCell stepped in a Python loop over the window, the
embedding lookup as F.embedding on a raw nn.Parameter, the read-out as F.linear on raw
Parameters, the cross-entropy on the (n, V, T) layout, the global-norm clipping written out with
torch.linalg.vector_norm, RMSprop(foreach=False) and the per-step decay as a LambdaLR.

    cell.weight_ih (3H, D) = W_ih.T, cell.weight_hh (3H, H) = W_hh.T,
    cell.bias_ih = b_ih, cell.bias_hh = b_hh, table = E, w_out (V, H) = W_out.T, b_out = b_out
"""

import torch
import torch.nn.functional as F
from torch import nn

V, D, H = 13, 6, 8
LR, GAMMA, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 0.9, 1e-8, 0.1


class GRUCellLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.table = nn.Parameter(torch.randn(V, D) * 0.5)
        self.cell = nn.GRUCell(D, H)
        self.w_out = nn.Parameter(torch.empty(V, H).uniform_(-H ** -0.5, H ** -0.5))
        self.b_out = nn.Parameter(torch.zeros(V))

    def forward(self, X):
        emb = F.embedding(X, self.table)
        h = torch.zeros(X.shape[0], H, dtype=emb.dtype)
        logits = []
        for t in range(X.shape[1]):
            h = self.cell(emb[:, t], h)
            logits.append(F.linear(h, self.w_out, self.b_out))
        return torch.stack(logits, dim=2)                    # (n, V, T)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, foreach=False)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: GAMMA ** step)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
        scale = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(scale)
    optimizer.step()
    scheduler.step()
    return loss.item()
