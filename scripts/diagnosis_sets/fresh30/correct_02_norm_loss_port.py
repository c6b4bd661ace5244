"""Multi-output regression port: 4 inputs -> 8 ReLU -> 3 linear outputs. ReLU written as
torch.where(z > 0, z, 0.0), the mean squared error as the mean over rows of each row's squared
Euclidean error norm divided by the number of outputs, Nesterov SGD with every setting spelled out.
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({"hidden": nn.Linear(4, 8), "head": nn.Linear(8, 3)})

    def forward(self, x):
        z = self.layers["hidden"](x)
        return self.layers["head"](torch.where(z > 0, z, 0.0))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, dampening=0.0, weight_decay=0.0,
                           nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    out = model(X)
    loss = torch.linalg.vector_norm(out - y, dim=1).square().mean() / out.shape[1]
    loss.backward()
    optimizer.step()
    return loss.item()
