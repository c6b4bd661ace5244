"""PyTorch port of adadelta_numpy.py: Linear(10, 20) -> sigmoid -> Linear(20, 1) logit,
F.binary_cross_entropy_with_logits (mean), torch.optim.Adadelta(lr=1.0, rho=0.9, eps=1e-6).

    hidden.weight = w_hidden.T   hidden.bias = b_hidden   out.weight = w_out.T   out.bias = b_out
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class AdadeltaNet(nn.Module):
    def __init__(self, n_in=10, n_hidden=20):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.out(torch.sigmoid(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.9, eps=1e-6)


def train_step(model, optimizer, X, y):
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
