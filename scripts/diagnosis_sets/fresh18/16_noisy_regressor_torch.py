"""PyTorch port of NoisyRegressor (16_noisy_regressor_numpy.py). The input noise is drawn from a
NumPy RandomState seeded like the NumPy program's, so both runs add the same noise."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

NOISE = 0.1


class NoisyRegressor(nn.Module):
    def __init__(self, n_in=5, hidden=8, n_out=1, seed=16):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        self.noise = np.random.RandomState(seed)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    noise = torch.as_tensor(model.noise.randn(*X.shape), dtype=X.dtype, device=X.device)
    optimizer.zero_grad()
    loss = F.mse_loss(model(X + NOISE * noise), y)
    loss.backward()
    optimizer.step()
    return loss.item()
