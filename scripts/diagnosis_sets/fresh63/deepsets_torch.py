"""MaskedDeepSets in PyTorch: phi an nn.Linear applied to every element with tanh, a masked mean
over each set's real elements, rho two nn.Linear layers with a relu between; F.mse_loss and
torch.optim.SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn

S, D, H, R, LR, MU = 5, 2, 8, 6, 0.05, 0.9


class MaskedDeepSets(nn.Module):
    def __init__(self):
        super().__init__()
        self.phi = nn.Linear(D, H)
        self.rho1 = nn.Linear(H, R)
        self.rho2 = nn.Linear(R, 1)

    def forward(self, X):
        mask = X[:, :, 0]
        x = X[:, :, 1:]
        h = torch.tanh(self.phi(x))
        pooled = (h * mask.unsqueeze(-1)).sum(dim=1) / mask.sum(dim=1, keepdim=True)
        return self.rho2(torch.relu(self.rho1(pooled)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
