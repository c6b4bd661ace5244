"""Binary classifier ported to PyTorch by someone learning it: 5 -> 8 tanh -> 1 sigmoid, mean
binary cross-entropy on the probabilities, Adam with an L2 weight decay of 0.01 on every
parameter (the NumPy original adds WEIGHT_DECAY * theta to every gradient, biases included).
make_optimizer builds the parameter groups the way a fine-tuning tutorial does.
"""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.01
NO_DECAY = ("bias", "LayerNorm.weight")


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model, lr):
    decay = [p for n, p in model.named_parameters() if not any(nd in n for nd in NO_DECAY)]
    no_decay = [p for n, p in model.named_parameters() if any(nd in n for nd in NO_DECAY)]
    groups = [
        {"params": decay, "weight_decay": WEIGHT_DECAY},
        {"params": no_decay, "weight_decay": 0.0},   # fix: {"params": no_decay, "weight_decay": WEIGHT_DECAY},
    ]
    return torch.optim.Adam(groups, lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
