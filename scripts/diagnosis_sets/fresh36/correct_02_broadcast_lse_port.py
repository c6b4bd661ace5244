"""Three-class classifier (4 -> 10 ReLU -> 3) ported from NumPy. The cross-entropy is the
log-partition torch.logsumexp(z, dim=1), shape (n,), minus the target logit picked with
gather, shape (n, 1): the difference broadcasts to an (n, n) table whose mean is
mean(lse) - mean(target logit), the mean cross-entropy itself. The ReLU is
torch.clamp(min=0).
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.clamp(self.fc1(x), min=0.0))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    labels = y.argmax(dim=1)
    lse = torch.logsumexp(z, dim=1)
    target = z.gather(1, labels[:, None])
    loss = (lse - target).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
