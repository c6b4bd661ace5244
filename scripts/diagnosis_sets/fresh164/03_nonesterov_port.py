"""PyTorch port of bn_numpy.py: Linear -> BatchNorm1d -> ReLU -> fixed-mask dropout -> Linear, MSE.

    fc1.weight (24, 6) = W1.T,  fc1.bias = b1,  bn.weight = gamma,  bn.bias = beta,
    fc2.weight (1, 24) = W2.T,  fc2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class BNRegressor(nn.Module):
    def __init__(self, n_in=6, hidden=24, drop=0.25):
        super().__init__()
        self.n_in = n_in
        self.drop = drop
        self.fc1 = nn.Linear(n_in, hidden)
        self.bn = nn.BatchNorm1d(hidden, eps=1e-5, momentum=0.1)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, X):
        x, mask = X[:, :self.n_in], X[:, self.n_in:]
        h = F.relu(self.bn(self.fc1(x)))
        if self.training:
            h = h * mask / (1 - self.drop)
        return self.fc2(h).squeeze(1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9,
                           weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    model.eval()
    with torch.no_grad():
        model.eval_out = model(X)
    model.train()
    return loss.item()
