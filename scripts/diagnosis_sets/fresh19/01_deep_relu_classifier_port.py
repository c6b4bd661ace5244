"""PyTorch port of the deep ReLU classifier: three ReLU hidden layers of 8 units and a linear
head over 4 classes, trained with the mean cross-entropy and plain SGD."""

import torch
import torch.nn.functional as F
from torch import nn

SOFTCAP = 30.0   # keeps the logits in a sane range (as in Gemma 2)


class Net(nn.Module):
    def __init__(self, n_in=5, width=8, n_classes=4):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, width), nn.ReLU(),
            nn.Linear(width, width), nn.ReLU(),
            nn.Linear(width, width), nn.ReLU(),
        )
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        logits = self.head(self.body(x))
        return SOFTCAP * torch.tanh(logits / SOFTCAP)   # BUG: return logits


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
