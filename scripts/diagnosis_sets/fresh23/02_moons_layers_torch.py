"""PyTorch port of the layer-object TwoLayerNet (02_moons_layers_numpy.py): Linear -> Sigmoid ->
Linear, the loss BCE with logits, torch.optim.Adagrad with the book's 1e-7."""

import torch
from torch import nn

LR = 0.5


class TwoLayerNet(nn.Module):
    def __init__(self, input_size=2, hidden_size=8, output_size=1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(input_size, hidden_size),
            nn.Sigmoid(),
            nn.Linear(hidden_size, output_size),
        )

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, initial_accumulator_value=0.1, eps=1e-7)   # BUG: return torch.optim.Adagrad(model.parameters(), lr=LR, eps=1e-7)


criterion = nn.BCEWithLogitsLoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
