"""PyTorch port of b_numpy.py: an MLP trained with the sparsemax loss, SGD with momentum.

    fc1.weight (8, 5) = W1.T, fc1.bias = b1, fc2.weight (4, 8) = W2.T, fc2.bias = b2
The sparsemax loss is an autograd.Function: forward by sort and threshold tau,
backward -onehot(y) + sparsemax(z), scaled by the incoming gradient.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def sparsemax_tau(z):
    """Threshold tau (N, 1) and sparsemax p of z along dim 1."""
    zs, _ = torch.sort(z, dim=1, descending=True)
    k = torch.arange(1, z.size(1) + 1, dtype=z.dtype, device=z.device)
    cs = zs.cumsum(dim=1)
    support = (1 + k * zs) > cs
    kz = support.sum(dim=1, keepdim=True)
    tau = (cs.gather(1, kz - 1) - 1) / kz.to(z.dtype)
    return tau, torch.clamp(z - tau, min=0)


class SparsemaxLoss(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z, y):
        tau, p = sparsemax_tau(z)
        S = (p > 0).to(z.dtype)
        per_row = -z.gather(1, y.unsqueeze(1)).squeeze(1) + 0.5 * (S * (z ** 2 - tau ** 2)).sum(dim=1) + 0.5
        ctx.save_for_backward(p, y)
        return per_row

    @staticmethod
    def backward(ctx, grad_output):
        p, y = ctx.saved_tensors
        onehot = F.one_hot(y, p.size(1)).to(p.dtype)
        return grad_output.unsqueeze(1) * (p - onehot), None


class SparsemaxMLP(nn.Module):
    def __init__(self, n_features=5, hidden=8, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_features, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = SparsemaxLoss.apply(model(X), y.long()).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
