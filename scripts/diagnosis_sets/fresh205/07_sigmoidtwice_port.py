"""PyTorch port of multilabel_numpy.py: a multi-label MLP trained with BCEWithLogitsLoss
(per-label pos_weight) and torch.optim.Adagrad with weight decay."""

import torch
import torch.nn as nn

POS_WEIGHT = [1.1, 2.6, 2.6, 0.55, 5.7]


class MultiLabelNet(nn.Module):
    def __init__(self, n_in=8, hidden=20, n_labels=5):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, n_labels)

    def forward(self, x):
        return torch.sigmoid(self.head(torch.relu(self.hidden(x))))


criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(POS_WEIGHT))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, weight_decay=1e-3, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = criterion(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
