"""PyTorch port of last_numpy.py: nn.LSTM (batch_first) over the padded batch, the output
at the final time step into a linear head, cross-entropy, clip_grad_norm_, Adam."""

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_NORM = 0.1


class LSTMLast(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_classes=3):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, X):
        feats = X[:, :, :-1]
        out, _ = self.lstm(feats)                                  # (N, T, H)
        last = out[:, -1]                                          # final time step
        return self.head(last)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y.long())
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
