"""Binary classifier ported to PyTorch: 5 inputs -> 8 tanh -> 1 logit (the sigmoid lives in the
loss). The hidden block is wrapped in activation checkpointing, copied from the memory-saving
setup of a bigger model I train with the same script: its activations are recomputed during
the backward pass instead of being stored.
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.checkpoint import checkpoint


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.hidden = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh())
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        h = checkpoint(self.hidden, x, use_reentrant=True)   # fix: h = checkpoint(self.hidden, x, use_reentrant=False)
        return self.out(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
