"""CBOWPairs ported with raw parameters: the context and target tables are nn.Parameter
matrices read with F.embedding, the context mean written as a sum over the window divided by
its width, the target bias an nn.Embedding(V, 1) squeezed, the dot products by torch.einsum,
the logistic loss written with F.softplus, the global-norm clipping written by hand (the same
coefficient as clip_grad_norm_, clamped at 1) and torch.optim.Adam(foreach=False) over two
parameter groups with the same learning rate."""

import torch
import torch.nn.functional as F
from torch import nn

V, D = 24, 8
LR, MAX_NORM = 0.02, 0.14


class CBOWPairsRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.context_vectors = nn.Parameter(0.3 * torch.randn(V, D))
        self.target_vectors = nn.Parameter(0.3 * torch.randn(V, D))
        self.target_bias = nn.Embedding(V, 1)
        nn.init.zeros_(self.target_bias.weight)

    def forward(self, X):
        ids = X.long()
        target, window = ids[:, 0], ids[:, 1:]
        h = F.embedding(window, self.context_vectors).sum(dim=1) / window.size(1)
        u = F.embedding(target, self.target_vectors)
        return torch.einsum("nd,nd->n", h, u) + self.target_bias(target).squeeze(1)


def make_optimizer(model):
    groups = [{"params": [model.context_vectors, model.target_vectors]},
              {"params": list(model.target_bias.parameters())}]
    return torch.optim.Adam(groups, lr=LR, foreach=False)


def clip_global_norm(parameters, max_norm):
    grads = [p.grad for p in parameters if p.grad is not None]
    total = torch.sqrt(sum((g * g).sum() for g in grads))
    scale = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(scale)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s = model(X)
    label = y.reshape(-1)
    loss = (label * F.softplus(-s) + (1.0 - label) * F.softplus(s)).mean()
    loss.backward()
    clip_global_norm(list(model.parameters()), MAX_NORM)
    optimizer.step()
    return loss.item()
