"""BitFitRegressor in PyTorch: nn.Linear layers loaded with the seeded pretrained weights, then
every parameter but the biases frozen (requires_grad = False); F.huber_loss(delta=DELTA);
clip_grad_norm_ over the biases, then torch.optim.RMSprop(alpha=ALPHA) on the biases only."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D_IN, H = 8, 32
SEED = 2024
LR, ALPHA, EPS, MAX_NORM, DELTA = 0.02, 0.9, 1e-8, 0.03, 0.5


def pretrained(seed=SEED):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, H)), "b1": rng.normal(0.0, 0.1, H),
        "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)), "b2": rng.normal(0.0, 0.1, H),
        "W3": rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1)), "b3": rng.normal(0.0, 0.1, 1),
    }


class BitFitRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2, self.fc3 = nn.Linear(D_IN, H), nn.Linear(H, H), nn.Linear(H, 1)
        w = pretrained()
        with torch.no_grad():
            for i, fc in enumerate((self.fc1, self.fc2, self.fc3), start=1):
                fc.weight.copy_(torch.from_numpy(w[f"W{i}"].T))
                fc.bias.copy_(torch.from_numpy(w[f"b{i}"]))
        for name, p in self.named_parameters():
            p.requires_grad = name.endswith("bias")

    def forward(self, x):
        return self.fc3(torch.tanh(self.fc2(torch.tanh(self.fc1(x)))))


def make_optimizer(model):
    biases = [p for p in model.parameters() if p.requires_grad]
    return torch.optim.RMSprop(biases, lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.huber_loss(model(X).squeeze(1), y, delta=DELTA)
    loss.backward()
    torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], MAX_NORM)
    optimizer.step()
    return loss.item()
