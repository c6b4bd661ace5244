"""Port of a tanh binary classifier (6 -> 10 -> 1, sigmoid output, mean binary cross-entropy)
trained with Adam and an L2 weight decay of 0.05 on every parameter. The decay term is added to
the gradients by hand, all parameters at once with torch._foreach_add_, and torch.optim.Adam
itself runs with weight_decay=0."""

import torch
from torch import nn

WEIGHT_DECAY = 0.05


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stack = nn.ModuleDict({"hidden": nn.Linear(6, 10), "head": nn.Linear(10, 1)})

    def forward(self, x):
        return torch.sigmoid(self.stack["head"](torch.tanh(self.stack["hidden"](x))))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr, weight_decay=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=False)
    p = model(X)
    loss = nn.functional.binary_cross_entropy(p, y)
    loss.backward()
    params = [q for q in model.parameters() if q.grad is not None]
    with torch.no_grad():
        torch._foreach_add_([q.grad for q in params], params, alpha=WEIGHT_DECAY)
    optimizer.step()
    return loss.item()
