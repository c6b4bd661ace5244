"""Port of a small binary scorer (tanh hidden layer of 8, sigmoid output, mean squared error,
plain SGD). The port follows the PyTorch habit of returning logits from forward and keeps the
sigmoid in predict_proba for inference; train_step then feeds model(X), the logits, straight
into F.mse_loss, so the model it trains has no output sigmoid: the squared error is measured
on the raw scores."""

import torch
import torch.nn.functional as F
from torch import nn


class Scorer(nn.Module):
    def __init__(self, n_features=5, n_hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_features, n_hidden)
        self.score = nn.Linear(n_hidden, 1)

    def forward(self, x):
        """Logits; see predict_proba for probabilities."""
        return self.score(torch.tanh(self.hidden(x)))

    @torch.no_grad()
    def predict_proba(self, x):
        return torch.sigmoid(self(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)   # BUG: the NumPy network's output is sigmoid(z): F.mse_loss(torch.sigmoid(model(X)), y)
    loss.backward()
    optimizer.step()
    return loss.item()
