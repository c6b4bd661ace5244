"""PyTorch port of ema_numpy.py, written with raw parameters in the NumPy layout (variant).

    W1 (5, 12), b1 (12,), W2 (12, 3), b2 (3,) as nn.Parameter;  logits = relu(X @ W1 + b1) @ W2 + b2

Each step: F.cross_entropy, backward, clamp every gradient to [-CLIP, CLIP] by hand,
torch.optim.AdamW(lr=0.01, weight_decay=0.05), then the weight EMA by lerp:
ema.lerp_(p, 1 - DECAY) == DECAY * ema + (1 - DECAY) * p, started from the weights at the first step.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

CLIP = 0.05
DECAY = 0.9


class EmaMLP(nn.Module):
    def __init__(self, n_in=5, hidden=12, n_out=3):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) * (2.0 / n_in) ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, n_out) * (1.0 / hidden) ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(n_out))
        self.ema = None
        self.ema_output = None

    @staticmethod
    def logits(p, X):
        return torch.relu(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]

    def forward(self, X):
        return self.logits(dict(self.named_parameters()), X)


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)


def train_step(model, optimizer, X, y):
    params = dict(model.named_parameters())
    if model.ema is None:
        model.ema = {k: p.detach().clone() for k, p in params.items()}
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p.grad.clamp_(-CLIP, CLIP)
    optimizer.step()
    with torch.no_grad():
        for k, p in params.items():
            model.ema[k] = model.ema[k].to(p.dtype).lerp_(p, 1 - DECAY)
        model.ema_output = model.logits(model.ema, X)
    return loss.item()
