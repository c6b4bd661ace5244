"""PyTorch port of TiedAutoencoder (15_tied_decoder_gradient_dropped.py): one nn.Linear(6, 3)
encoder, the decoder reusing its weight transposed through F.linear, its own output bias,
MSE, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn


class TiedAutoencoder(nn.Module):
    def __init__(self, n_in=6, code=3):
        super().__init__()
        self.encoder = nn.Linear(n_in, code)
        self.decoder_bias = nn.Parameter(torch.zeros(n_in))

    def forward(self, x):
        h = torch.sigmoid(self.encoder(x))
        return F.linear(h, self.encoder.weight.t(), self.decoder_bias)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
