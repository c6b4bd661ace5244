"""Three-class classifier in PyTorch: 4 inputs -> 10 ReLU units -> 3 logits. The hidden block
runs under non-reentrant activation checkpointing; the ReLU is written as F.hardtanh clipped
to [0, inf); the loss is the mean negative log-likelihood of the one-hot targets under
torch.distributions.OneHotCategorical(logits=...), which is the mean softmax cross-entropy.
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import OneHotCategorical
from torch.utils.checkpoint import checkpoint


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=10, classes=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.logits = nn.Linear(hidden, classes)

    def _block(self, x):
        return F.hardtanh(self.hidden(x), min_val=0.0, max_val=float("inf"))

    def forward(self, x):
        return self.logits(checkpoint(self._block, x, use_reentrant=False))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = -OneHotCategorical(logits=model(X)).log_prob(y).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
