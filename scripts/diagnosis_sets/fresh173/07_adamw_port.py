"""PyTorch port of ae_numpy.py: a denoising autoencoder (noisy X -> clean y), Adam with L2.

self.layers = nn.ModuleList of four nn.Linear (10->8, 8->3, 3->8, 8->10); tanh after the first
and third; layers.{i}.weight = W{i+1}.T, layers.{i}.bias = b{i+1}.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DenoisingAE(nn.Module):
    def __init__(self, sizes=(10, 8, 3, 8, 10)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i in (0, 2):
                x = torch.tanh(x)
        return x


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                            weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
