"""PyTorch port of our NumPy logistic network with the weights kept as the NumPy code keeps them,
(in, out), as raw nn.Parameters: 5 inputs, 8 sigmoid units, one output logit. The hidden layer
is torch.addmm(b1, x, W1); the loss is the mean binary cross-entropy written from the logit,
softplus(-z) + (1 - y) z; gradients come from torch.autograd.grad and are handed to the
optimizer through .grad."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=8):
        super().__init__()
        self.W1 = nn.Parameter(torch.empty(n_in, n_hidden))
        self.b1 = nn.Parameter(torch.zeros(n_hidden))
        self.W2 = nn.Parameter(torch.empty(n_hidden, 1))
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = torch.sigmoid(torch.addmm(self.b1, x, self.W1))
        return torch.addmm(self.b2, h, self.W2)


def train_step(model, optimizer, X, y):
    z = model(X)
    loss = (F.softplus(-z) + (1 - y) * z).mean()
    params = list(model.parameters())
    for p, g in zip(params, torch.autograd.grad(loss, params)):
        p.grad = g
    optimizer.step()
    return loss.item()
