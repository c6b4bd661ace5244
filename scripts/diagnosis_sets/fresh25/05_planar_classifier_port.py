"""PyTorch port of the deep learning course's "planar data classification with one hidden layer"
network: n_x inputs -> 4 tanh units -> 1 sigmoid unit, the cross-entropy cost averaged over the
examples, gradient descent. The cost of every example is kept (reduction="none") so that the
hardest examples can be plotted after training."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_x=3, n_h=4, n_y=1):
        super().__init__()
        self.layer1 = nn.Linear(n_x, n_h)
        self.layer2 = nn.Linear(n_h, n_y)

    def forward(self, X):
        A1 = torch.tanh(self.layer1(X))
        return torch.sigmoid(self.layer2(A1))


def train_step(model, optimizer, X, Y):
    A2 = model(X)
    costs = F.binary_cross_entropy(A2, Y, reduction="none")   # one cost per example
    optimizer.zero_grad()
    costs.backward(torch.ones_like(costs))   # BUG: costs.mean().backward()
    optimizer.step()
    return costs.mean().item()
