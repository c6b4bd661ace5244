"""b_torch written another way: the cosine head an nn.Linear without bias whose
weight is normalised in F.linear, the loss as nll_loss(log_softmax), the centres
gathered by index_select and summed per class by index_add_."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CosHeadNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=10, n_emb=4, n_classes=3, scale=5.0, lam=0.2, alpha=0.5):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, n_emb))
        self.head = nn.Linear(n_emb, n_classes, bias=False)
        self.register_buffer("centers", torch.zeros(n_classes, n_emb))
        self.n_classes, self.scale, self.lam, self.alpha = n_classes, scale, lam, alpha

    def forward(self, X):
        emb = self.body(X)
        cos = F.linear(F.normalize(emb, p=2, dim=-1), F.normalize(self.head.weight, p=2, dim=-1))
        return emb, self.scale * cos


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    emb, logits = model(X)
    loss = F.nll_loss(F.log_softmax(logits, dim=1), y)
    c = model.centers.index_select(0, y)
    loss = loss + 0.5 * model.lam * (emb - c).pow(2).sum(dim=1).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        e = emb.detach()
        sums = torch.zeros_like(model.centers).index_add_(0, y, e)
        counts = torch.bincount(y, minlength=model.n_classes).to(e.dtype)
        model.centers.sub_(model.alpha * (counts[:, None] * model.centers - sums) / (1 + counts[:, None]))
    return loss
