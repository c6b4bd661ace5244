"""Port half of a correct pair (10_pair_minibatch_ce_numpy.py): logits out of forward, the
softmax inside F.cross_entropy, class-index targets."""

from torch import nn
import torch.nn.functional as F


class ReluSoftmax(nn.Module):
    def __init__(self, n_in=5, hidden=10, n_classes=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.logits = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.logits(F.relu(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
