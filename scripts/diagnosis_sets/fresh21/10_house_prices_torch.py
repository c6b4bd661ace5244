"""PyTorch port of PriceModel (10_house_prices_numpy.py): the training prices' mean and standard
deviation kept on the model, the network trained on the standardised price with F.mse_loss,
SGD at LR."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class PriceModel(nn.Module):
    def __init__(self, y, n_in=4, hidden=10):
        super().__init__()
        self.y_mean = float(y.mean())
        self.y_std = float(y.std(correction=0))
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    target = (y - model.y_mean) / model.y_std
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), target)
    loss.backward()
    optimizer.step()
    return loss.item()
