"""PyTorch port of a_numpy.CenterLossNet: centres an nn.Parameter in their own
optimizer group (plain SGD at lr=alpha), their gradient written by hand."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CenterLossNet(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_emb=2, n_classes=3, lam=0.01, alpha=0.5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_emb)
        self.fc3 = nn.Linear(n_emb, n_classes)
        self.centers = nn.Parameter(torch.zeros(n_classes, n_emb))
        self.n_classes, self.lam, self.alpha = n_classes, lam, alpha

    def forward(self, X):
        emb = self.fc2(F.relu(self.fc1(X)))
        return emb, self.fc3(emb)


def make_optimizer(model):
    weights = [p for n, p in model.named_parameters() if n != "centers"]
    return torch.optim.SGD([
        {"params": weights},
        {"params": [model.centers], "lr": model.alpha, "momentum": 0.0},
    ], lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    emb, logits = model(X)
    ce = F.cross_entropy(logits, y)
    center = model.lam / 2 * ((emb - model.centers.detach()[y]) ** 2).sum()
    loss = ce + center
    loss.backward()
    with torch.no_grad():
        onehot = F.one_hot(y, model.n_classes).to(emb.dtype)
        counts = onehot.sum(dim=0)
        delta = (onehot.T @ emb - counts[:, None] * model.centers) / (1 + counts)[:, None]
    model.centers.grad = delta
    optimizer.step()
    return loss.item()
