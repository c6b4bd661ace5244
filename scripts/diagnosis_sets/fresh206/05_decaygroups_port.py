"""PyTorch port of multi_numpy.py: nn.Embedding(padding_idx=0) -> [nn.Conv1d(8, 6, k) for k in
(2, 4)] -> ReLU -> max over time -> cat -> nn.Linear(12, 4); F.cross_entropy;
torch.optim.SGD(lr=0.1, momentum=0.9, weight_decay=1e-3).

    embedding.weight = params['emb'], convs.0.* = w2/b2, convs.1.* = w4/b4,
    classifier.weight = W, classifier.bias = b (same layouts).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiWidthCNN(nn.Module):
    def __init__(self, vocab=24, emb_dim=8, widths=(2, 4), filters=6, classes=4):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList([nn.Conv1d(emb_dim, filters, k) for k in widths])
        self.classifier = nn.Linear(filters * len(widths), classes)

    def forward(self, X):
        x = self.embedding(X).permute(0, 2, 1)               # (N, D, L)
        feats = [F.relu(conv(x)).max(dim=2).values for conv in self.convs]
        return self.classifier(torch.cat(feats, dim=1))


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters()
             if n.endswith('weight') and not n.startswith('embedding')]
    no_decay = [p for n, p in model.named_parameters()
                if not (n.endswith('weight') and not n.startswith('embedding'))]
    return torch.optim.SGD([{'params': decay, 'weight_decay': 1e-3},
                            {'params': no_decay, 'weight_decay': 0.0}], lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
