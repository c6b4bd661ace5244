"""The quantile network of qr_torch.py written in another style: raw nn.Parameters in (in, out)
layout, the pinball loss written as 0.5 * |r| + (tau - 0.5) * r (the same function), the global
gradient norm clipped by hand (torch.linalg.vector_norm over the stacked per-tensor norms, every
.grad scaled in place by min(1, MAX_NORM / (norm + 1e-6))), and AdamW's decoupled decay done by
hand on the two weight matrices before a plain torch.optim.Adam step."""

import torch
from torch import nn

N_IN, N_HID = 5, 16
QUANTILES = (0.1, 0.5, 0.9)
LR, DECAY, CLIP = 0.01, 0.05, 0.3


class QuantileRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(N_IN, N_HID) * 0.4)
        self.b1 = nn.Parameter(torch.zeros(N_HID))
        self.W2 = nn.Parameter(torch.randn(N_HID, len(QUANTILES)) * 0.25)
        self.b2 = nn.Parameter(torch.zeros(len(QUANTILES)))
        self.register_buffer("taus", torch.tensor(QUANTILES))

    def forward(self, X):
        return torch.clamp(X @ self.W1 + self.b1, min=0.0) @ self.W2 + self.b2


def pinball(q, y, taus):
    r = y - q
    return (0.5 * r.abs() + (taus - 0.5) * r).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinball(model(X), y, model.taus.to(X.dtype))
    loss.backward()
    grads = [p.grad for p in model.parameters()]
    norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    scale = torch.clamp(CLIP / (norm + 1e-6), max=1.0)
    with torch.no_grad():
        for g in grads:
            g.mul_(scale)
        for W in (model.W1, model.W2):
            W.mul_(1.0 - LR * DECAY)
    optimizer.step()
    return loss.item()
