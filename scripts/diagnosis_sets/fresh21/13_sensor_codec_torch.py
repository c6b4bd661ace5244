"""PyTorch port of SensorCodec (13_sensor_codec_numpy.py): encoder and decoder nn.Linear layers
with sigmoids, F.binary_cross_entropy summed and divided by the number of rows, SGD at LR."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 1.0


class SensorCodec(nn.Module):
    def __init__(self, n_sensors=8, code=3):
        super().__init__()
        self.encoder = nn.Linear(n_sensors, code)
        self.decoder = nn.Linear(code, n_sensors)

    def forward(self, x):
        return torch.sigmoid(self.decoder(torch.sigmoid(self.encoder(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), X, reduction="sum") / len(X)
    loss.backward()
    optimizer.step()
    return loss.item()
