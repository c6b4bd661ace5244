"""Click-through MLP port in a compact style: the layers in an nn.ModuleDict, the label recoded
into the sign of the logit so that the whole log-loss is one softplus, softplus((1 - 2y) z)
(= -log sigmoid(z) for a click, -log(1 - sigmoid(z)) otherwise), and the optimizer built by
make_optimizer with the parameters given one by one in a list of dicts.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({"embed": nn.Linear(6, 8), "head": nn.Linear(8, 1)})

    def logits(self, x):
        return self.layers["head"](torch.tanh(self.layers["embed"](x)))

    def forward(self, x):
        return torch.sigmoid(self.logits(x))


def make_optimizer(model, lr):
    return torch.optim.SGD([{"params": [p]} for p in model.parameters()], lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    z = model.logits(X)
    F.softplus((1.0 - 2.0 * y) * z).mean().backward()
    optimizer.step()
    return F.softplus((1.0 - 2.0 * y) * z).mean().item()
