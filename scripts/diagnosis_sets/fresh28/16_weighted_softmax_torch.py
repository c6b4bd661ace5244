"""WeightedSoftmax in PyTorch: 4 -> 10 ReLU -> 3 logits, per-example cross-entropy
(reduction='none') multiplied by the weight of the example's class and averaged over the
examples, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.2
CLASS_WEIGHTS = [0.6, 1.0, 2.0]


class WeightedSoftmax(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    labels = y.argmax(dim=1)
    per_example = F.cross_entropy(model(X), labels, reduction="none")
    weights = torch.tensor(CLASS_WEIGHTS, dtype=per_example.dtype)
    loss = (per_example * weights[labels]).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
