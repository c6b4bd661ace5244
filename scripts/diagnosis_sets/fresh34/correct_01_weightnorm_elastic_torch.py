"""ElasticWeightNormNet in PyTorch: fc1 through torch.nn.utils.parametrizations.weight_norm, the
L2 half of the elastic net as weight_decay in a parameter group of the two dense weights (the
other group without decay), the L1 half in the loss, and the max-norm constraint with
torch.renorm over the rows of fc2.weight after optimizer.step()."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.parametrizations import weight_norm

L1, L2 = 1e-3, 1e-2
MAX_NORM = 1.0
LR, MOMENTUM = 0.2, 0.9


class ElasticWeightNormNet(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = weight_norm(nn.Linear(n_in, hidden))
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc3(torch.tanh(self.fc2(F.relu(self.fc1(x)))))

    def decayed(self):
        return [self.fc2.weight, self.fc3.weight]


def make_optimizer(model):
    decayed = {id(q) for q in model.decayed()}
    rest = [q for q in model.parameters() if id(q) not in decayed]
    return torch.optim.SGD([{"params": model.decayed(), "weight_decay": L2},
                            {"params": rest, "weight_decay": 0.0}], lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss = loss + L1 * sum(w.abs().sum() for w in model.decayed())
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        model.fc2.weight.copy_(torch.renorm(model.fc2.weight, 2, 0, MAX_NORM))
    return loss.item()
