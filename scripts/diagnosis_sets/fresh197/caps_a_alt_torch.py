import torch
import torch.nn as nn
import torch.nn.functional as F


class Squash(nn.Module):
    def forward(self, s):
        norm2 = torch.linalg.vector_norm(s, dim=-1, keepdim=True) ** 2
        return s * norm2 / ((1 + norm2) * torch.sqrt(norm2 + 1e-7))


class CapsNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(10, 24), nn.ReLU(), nn.Linear(24, 24),
                                  nn.Unflatten(1, (6, 4)), Squash())
        self.transform = nn.Parameter(torch.randn(6, 4, 4, 5) * 0.5)
        self.squash = Squash()
        self.register_buffer("coupling", torch.full((6, 4), 1.0 / 6))

    def forward(self, x):
        prim = self.body(x)                                          # (N, 6, 4)
        votes = (prim[:, :, None, None, :] @ self.transform[None]).squeeze(-2)   # (N, 6, 4, 5)
        s = (self.coupling[None, :, :, None] * votes).sum(1)
        v = self.squash(s)
        return torch.sqrt(v.pow(2).sum(-1) + 1e-7)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    L = model(X)
    T = F.one_hot(y.long(), 4).to(L.dtype)
    loss = torch.mean(torch.sum(T * F.relu(0.9 - L).pow(2)
                                + 0.5 * (1 - T) * F.relu(L - 0.1).pow(2), dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
