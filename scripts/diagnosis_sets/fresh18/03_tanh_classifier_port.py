"""PyTorch port of the tanh softmax classifier (5 -> 8 -> 3, mean cross-entropy). The body keeps
its last few hidden activations (through a forward hook) for the activation histograms in our
training dashboard."""

import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3, keep=10):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh())
        self.head = nn.Linear(n_hidden, n_classes)
        self.keep = keep
        self.activations = []
        self.body.register_forward_hook(self._record)

    def _record(self, module, inputs, output):
        output = output.detach()
        self.activations = self.activations[-(self.keep - 1):] + [output]
        return output   # BUG: return None (nothing), so the module's own output goes on unchanged

    def forward(self, x):
        return self.head(self.body(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
