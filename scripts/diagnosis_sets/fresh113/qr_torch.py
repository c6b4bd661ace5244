"""QuantileMLP in PyTorch: nn.Linear + ReLU + nn.Linear to three quantiles; the pinball loss
torch.maximum(tau * r, (tau - 1) * r) with r = y - q, averaged; clip_grad_norm_ before
torch.optim.AdamW, whose weight decay is on the weights only (two parameter groups)."""

import torch
from torch import nn

D, HIDDEN = 5, 16
TAUS = (0.1, 0.5, 0.9)
LR, WD, MAX_NORM = 0.01, 0.05, 0.3


class QuantileMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.out = nn.Linear(HIDDEN, len(TAUS))

    def forward(self, X):
        return self.out(torch.relu(self.hidden(X)))


def pinball_loss(q, y):
    taus = torch.tensor(TAUS, dtype=q.dtype, device=q.device)
    r = y - q
    return torch.maximum(taus * r, (taus - 1.0) * r).mean()


def make_optimizer(model):
    groups = [
        {"params": [model.hidden.weight, model.out.weight], "weight_decay": WD},
        {"params": [model.hidden.bias, model.out.bias], "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinball_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
