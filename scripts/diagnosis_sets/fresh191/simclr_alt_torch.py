"""Another PyTorch port of simclr_numpy.py, in the style of the widespread SimCLR `info_nce_loss`:
the positives and the negatives are gathered out of the similarity matrix (the diagonal removed by
boolean indexing), the positive put in column 0 of the logits and cross-entropy taken against
label 0. Layers kept as named attributes; the optimizer built from parameter groups."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SimCLRPort(nn.Module):
    def __init__(self, d_in=12, d_hidden=32, d_proj=16, temperature=0.5):
        super().__init__()
        self.backbone = nn.Linear(d_in, d_hidden)
        self.proj_in = nn.Linear(d_hidden, d_hidden)
        self.proj_out = nn.Linear(d_hidden, d_proj)
        self.temperature = temperature

    def embed(self, x):
        return torch.tanh(self.backbone(x))

    def forward(self, X):
        views = torch.cat(X.unbind(dim=1), dim=0)
        return self.proj_out(F.relu(self.proj_in(self.embed(views))))

    def info_nce_loss(self, features):
        n2 = features.shape[0]
        n = n2 // 2
        idx = torch.arange(n, device=features.device).repeat(2)
        same = (idx[:, None] == idx[None, :]).float()
        features = F.normalize(features, dim=1)
        similarity = features @ features.T
        keep = ~torch.eye(n2, dtype=torch.bool, device=features.device)
        same = same[keep].view(n2, -1)
        similarity = similarity[keep].view(n2, -1)
        positives = similarity[same.bool()].view(n2, -1)
        negatives = similarity[~same.bool()].view(n2, -1)
        logits = torch.cat([positives, negatives], dim=1) / self.temperature
        labels = torch.zeros(n2, dtype=torch.long, device=features.device)
        return F.cross_entropy(logits, labels)


def make_optimizer(model):
    groups = [{"params": model.backbone.parameters()},
              {"params": list(model.proj_in.parameters()) + list(model.proj_out.parameters())}]
    return torch.optim.SGD(groups, lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = model.info_nce_loss(model(X))
    loss.backward()
    optimizer.step()
    return loss.item()
