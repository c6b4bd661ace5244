"""CBOW in PyTorch with nn.EmbeddingBag(mode="mean", padding_idx=PAD): the bag leaves the PAD slots
out of the mean by itself. The output layer is a raw (DIM, VOCAB) weight and a bias used through
torch.addmm, the loss F.nll_loss of F.log_softmax; the global-norm clipping is written by hand
(the norm of the per-parameter norms, the coefficient clamped at 1) before torch.optim.AdamW."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, DIM, PAD = 24, 10, 0
LR, WD, MAX_NORM = 0.05, 0.05, 0.4


class CBOWBag(nn.Module):
    def __init__(self):
        super().__init__()
        self.bag = nn.EmbeddingBag(VOCAB, DIM, mode="mean", padding_idx=PAD)
        self.W = nn.Parameter(torch.randn(DIM, VOCAB) / DIM ** 0.5)
        self.b = nn.Parameter(torch.zeros(VOCAB))

    def forward(self, X):
        h = self.bag(X)                                   # (n, DIM), mean over non-PAD ids
        return torch.addmm(self.b, h, self.W)


def make_optimizer(model):
    return torch.optim.AdamW([{"params": [model.bag.weight, model.W, model.b]}], lr=LR,
                             weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = F.nll_loss(F.log_softmax(model(X), dim=-1), y)
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        total = torch.stack([torch.linalg.vector_norm(g) for g in grads]).norm()
        coef = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(coef)
    optimizer.step()
    return float(loss)
