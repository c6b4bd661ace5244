"""CrossEntropyLoss with label_smoothing=0.1 from a training template; the NumPy network uses
the plain one-hot targets."""

from torch import nn


class Classifier(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, n_classes))

    def forward(self, x):
        return self.net(x)   # logits


criterion = nn.CrossEntropyLoss(label_smoothing=0.1)   # BUG: smoothing the NumPy side does not do


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
