"""Binary classifier ported to PyTorch in a roundabout style: an nn.Sequential with an
nn.Flatten() in front and an nn.Identity() placeholder (where a dropout layer may go later),
5 -> 8 tanh -> 1 sigmoid; the half sum of squared errors written as
torch.linalg.vector_norm(out - y).square() / 2; SGD with Nesterov momentum from make_optimizer
with every default spelled out.
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Flatten(),
            nn.Linear(n_in, hidden),
            nn.Tanh(),
            nn.Identity(),
            nn.Linear(hidden, 1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.layers(x)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, dampening=0.0, weight_decay=0.0,
                           nesterov=True, maximize=False, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    out = model(X)
    loss = torch.linalg.vector_norm(out - y).square() / 2
    loss.backward()
    optimizer.step()
    return loss.item()
