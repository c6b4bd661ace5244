"""PyTorch port of b_numpy.CosineCenterNet: the centres a buffer moved by hand
under torch.no_grad() after the Adam step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CosineCenterNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=10, n_emb=4, n_classes=3, scale=5.0, lam=0.2, alpha=0.5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_emb)
        self.proto = nn.Parameter(torch.randn(n_classes, n_emb))
        self.register_buffer("centers", torch.zeros(n_classes, n_emb))
        self.n_classes, self.scale, self.lam, self.alpha = n_classes, scale, lam, alpha

    def forward(self, X):
        emb = self.fc2(torch.tanh(self.fc1(X)))
        logits = self.scale * (F.normalize(emb, dim=1) @ F.normalize(self.proto, dim=0).T)
        return emb, logits


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    emb, logits = model(X)
    ce = F.cross_entropy(logits, y)
    center = model.lam / 2 * ((emb - model.centers[y]) ** 2).sum(dim=1).mean()
    loss = ce + center
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        onehot = F.one_hot(y, model.n_classes).to(emb.dtype)
        counts = onehot.sum(dim=0)
        delta = (counts[:, None] * model.centers - onehot.T @ emb) / (1 + counts)[:, None]
        model.centers -= model.alpha * delta
    return loss.item()
