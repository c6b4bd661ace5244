"""PyTorch port of mean_numpy.py: an nn.LSTMCell loop with the state detached every
TBPTT steps, masked mean over the valid steps, a linear head to one logit,
BCE-with-logits, clip_grad_value_, RMSprop(alpha=0.9)."""

import torch
import torch.nn as nn
import torch.nn.functional as F

CLIP = 0.01
TBPTT = 4


class LSTMMean(nn.Module):
    def __init__(self, n_in=3, hidden=6):
        super().__init__()
        self.hidden = hidden
        self.cell = nn.LSTMCell(n_in, hidden)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, X):
        x, mask = X[..., :-1], X[..., -1]
        N, T, _ = x.shape
        h = x.new_zeros(N, self.hidden)
        c = x.new_zeros(N, self.hidden)
        total = x.new_zeros(N, self.hidden)
        for t in range(T):
            if t > 0 and t % TBPTT == 0:
                h, c = h.detach(), c.detach()
            c, h = self.cell(x[:, t], (h, c))
            total = total + mask[:, t, None] * h
        pooled = total / mask.sum(dim=1, keepdim=True)
        return self.fc(pooled).squeeze(1)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y.float())
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), CLIP)
    optimizer.step()
    return loss.item()
