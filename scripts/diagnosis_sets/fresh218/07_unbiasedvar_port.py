"""PyTorch port of moment_numpy.py: Linear(5, 16) -> ReLU -> Linear(16, 8) -> Tanh features,
a Linear(8, 1) logit trained with BCEWithLogits on the source half, and a penalty matching the
per-feature mean and biased variance of the source and target features.
torch.optim.AdamW(lr=0.01, weight_decay=0.01).

    fc1.weight (16, 5) = W1.T   fc1.bias = b1
    fc2.weight (8, 16) = W2.T   fc2.bias = b2
    out.weight (1, 8)  = W3.T   out.bias = b3
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LAM = 1.0


def moment_penalty(s, t):
    mean_gap = (s.mean(0) - t.mean(0)).pow(2).sum()
    var_gap = (s.var(0) - t.var(0)).pow(2).sum()
    return mean_gap + var_gap


class MomentNet(nn.Module):
    def __init__(self, n_in=5, h1=16, h2=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.out = nn.Linear(h2, 1)

    def features(self, x):
        return torch.tanh(self.fc2(torch.relu(self.fc1(x))))

    def forward(self, x):
        f = self.features(x)
        return self.out(f), f


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    ns = X.shape[0] // 2
    optimizer.zero_grad()
    logit, f = model(X)
    loss = F.binary_cross_entropy_with_logits(logit[:ns], y[:ns]) + LAM * moment_penalty(f[:ns], f[ns:])
    loss.backward()
    optimizer.step()
    return loss.item()
