import torch
import torch.nn as nn
import torch.nn.functional as F


def squash(s, eps=1e-7):
    sq = s.pow(2).sum(-1, keepdim=True)
    return (sq / (1 + sq)) * (s / (sq + eps).sqrt())


class FixedRouteCaps(nn.Module):
    def __init__(self, n_in=8, n_hidden=16, n_prim=5, n_cls=3, dim=4):
        super().__init__()
        self.n_prim, self.dim = n_prim, dim
        self.hidden = nn.Linear(n_in, n_hidden)
        self.primary = nn.Linear(n_hidden, n_prim * dim)
        self.W = nn.Parameter(0.6 * torch.randn(n_prim, n_cls, dim, dim))
        logits = torch.linspace(-1.0, 1.0, n_prim * n_cls).view(n_prim, n_cls)
        self.register_buffer("c", torch.softmax(logits, dim=1))

    def forward(self, x):
        h = torch.tanh(self.hidden(x))
        p = squash(self.primary(h).view(-1, self.n_prim, self.dim))
        u_hat = torch.einsum("nid,ijde->nije", p, self.W)
        s = (self.c[None, :, :, None] * u_hat).sum(dim=1)
        v = squash(s)
        return (v.pow(2).sum(-1) + 1e-7).sqrt()


def margin_loss(lengths, target, m_plus=0.9, m_minus=0.1, lam=0.5):
    T = F.one_hot(target, lengths.size(1)).type_as(lengths)
    loss = T * F.relu(m_plus - lengths) ** 2 + lam * (1 - T) * F.relu(lengths - m_minus) ** 2
    return loss.sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = margin_loss(model(X), y.long())
    loss.backward()
    optimizer.step()
    return loss.item()
