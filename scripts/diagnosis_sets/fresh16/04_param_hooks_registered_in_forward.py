"""Port of a sigmoid regressor (5 -> 8 -> 1, sigmoid hidden and output units, mean squared
error, plain SGD). train_step is the one my other models use, which all return a summed loss;
here the per-batch averaging is done with gradient hooks, which scale by 1 / batch size."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        out = torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))
        scale = 1.0 / x.shape[0]
        for p in self.parameters(): p.register_hook(lambda g: g * scale)   # BUG: hook this call's output tensor, not the parameters: out.register_hook(lambda g: g * scale)
        return out


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = ((out - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item() / len(X)
