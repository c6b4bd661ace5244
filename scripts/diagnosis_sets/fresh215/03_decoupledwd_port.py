"""PyTorch port of nadam_numpy.py: Linear(6, 32) -> ReLU -> Linear(32, 16) -> tanh ->
Linear(16, 1), F.mse_loss, torch.optim.NAdam(lr=0.01, weight_decay=1e-2) (coupled L2).

    l1.weight = W1   l1.bias = b1   l2.weight = W2   l2.bias = b2   l3.weight = W3   l3.bias = b3
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class NAdamRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(6, 32)
        self.l2 = nn.Linear(32, 16)
        self.l3 = nn.Linear(16, 1)

    def forward(self, x):
        x = F.relu(self.l1(x))
        x = torch.tanh(self.l2(x))
        return self.l3(x)


def make_optimizer(model):
    return torch.optim.NAdam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                             weight_decay=1e-2, momentum_decay=4e-3, decoupled_weight_decay=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y)
    loss.backward()
    optimizer.step()
    return loss.item()
