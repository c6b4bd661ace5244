"""TiedAutoencoder in PyTorch: the encoder an nn.Linear(8, 4), the decoder F.linear with the
encoder's weight transposed and a bias parameter of its own (autograd adds both uses of the
weight); MSE, SGD(momentum=0.9, nesterov=True) at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn


class TiedAutoencoder(nn.Module):
    def __init__(self, visible=8, code=4):
        super().__init__()
        self.encoder = nn.Linear(visible, code)
        self.decoder_bias = nn.Parameter(torch.zeros(visible))

    def forward(self, x):
        h = torch.sigmoid(self.encoder(x))
        return F.linear(h, self.encoder.weight.t(), self.decoder_bias)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
