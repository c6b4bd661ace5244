"""ReLU regressor; the port's hidden layer uses F.leaky_relu (slope 0.1 'to avoid dead
units') where the NumPy network uses a plain ReLU."""

from torch import nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        h = F.leaky_relu(self.fc1(x), negative_slope=0.1)   # BUG: the NumPy network uses max(0, z)
        return self.fc2(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
