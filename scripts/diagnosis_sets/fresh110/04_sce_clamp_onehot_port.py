"""SCEMLP in PyTorch: nn.Linear, ReLU, nn.Linear; A_CE * F.cross_entropy + B_RCE * the reverse
cross entropy with log(one-hot) clamped below at A_LOG; clip_grad_norm_ then torch.optim.RMSprop."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, K = 8, 12, 4
LR, RHO, EPS = 0.01, 0.99, 1e-8
A_CE, B_RCE, A_LOG = 0.5, 1.0, -4.0
MAX_NORM = 1.0


class SCEMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)

    def forward(self, X):
        h = torch.relu(self.fc1(X))
        return self.fc2(h)


def sce_loss(logits, y):
    ce = F.cross_entropy(logits, y, reduction="none")
    p = F.softmax(logits, dim=1)
    q = F.one_hot(y, K).to(p.dtype)
    rce = -(p * torch.log(torch.clamp(q, min=1e-4, max=1.0))).sum(dim=1)  # fix: rce = -(p * torch.clamp(torch.log(q), min=A_LOG)).sum(dim=1)
    return (A_CE * ce + B_RCE * rce).mean()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = sce_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
