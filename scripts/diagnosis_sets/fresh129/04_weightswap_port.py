"""PyTorch port of multilabel_numpy.py: multi-label classification, weighted per-label BCE.

nn.Linear + ReLU -> nn.Linear logits (one per label);
F.binary_cross_entropy_with_logits(weight=label_weight, pos_weight=pos_weight), mean;
torch.optim.SGD(momentum=0.9, weight_decay=1e-3).

    fc1.weight (hidden, 8) = W1.T, fc1.bias = b1, fc2.weight (5, hidden) = W2.T, fc2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiLabelNet(nn.Module):
    def __init__(self, n_in=8, hidden=12, n_labels=5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_labels)
        self.register_buffer("label_weight", torch.tensor([1.0, 0.5, 2.0, 1.0, 1.5]))
        self.register_buffer("pos_weight", torch.tensor([2.0, 1.0, 0.5, 1.5, 4.0]))

    def forward(self, X):
        return self.fc2(F.relu(self.fc1(X)))

    def loss(self, logits, Y):
        return F.binary_cross_entropy_with_logits(logits, Y, weight=self.pos_weight,
                                                  pos_weight=self.label_weight)   # fix: return F.binary_cross_entropy_with_logits(logits, Y, weight=self.label_weight, pos_weight=self.pos_weight)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
