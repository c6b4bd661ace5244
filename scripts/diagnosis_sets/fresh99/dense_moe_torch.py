"""DenseMoE in PyTorch: an nn.Linear gate divided by the temperature and softmaxed, three tanh
experts kept as stacked nn.Parameters and evaluated with torch.einsum, the gate-weighted sum;
F.mse_loss plus ALPHA * the squared coefficient of variation of the gate mass; gradients clipped
with clip_grad_norm_ and applied by torch.optim.Adam(weight_decay=WD)."""

import torch
import torch.nn.functional as F
from torch import nn

D, E, H, O = 6, 3, 8, 2
LR, TAU, ALPHA, WD, MAX_NORM = 0.01, 0.5, 0.5, 1e-3, 0.5


class DenseMoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(D, E)
        self.W1 = nn.Parameter(0.4 * torch.randn(E, D, H))
        self.b1 = nn.Parameter(torch.zeros(E, H))
        self.W2 = nn.Parameter(0.3 * torch.randn(E, H, O))
        self.b2 = nn.Parameter(torch.zeros(E, O))

    def forward(self, X):
        gate = F.softmax(self.gate(X) / TAU, dim=-1)
        h = torch.tanh(torch.einsum("nd,edh->enh", X, self.W1) + self.b1[:, None, :])
        out = torch.einsum("enh,eho->eno", h, self.W2) + self.b2[:, None, :]
        return torch.einsum("ne,eno->no", gate, out), gate


def cv_squared(importance):
    return importance.var(unbiased=False) / importance.mean() ** 2


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    yhat, gate = model(X)
    loss = F.mse_loss(yhat, y) + ALPHA * cv_squared(gate.sum(dim=0))
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
