"""Port of a sigmoid-output binary classifier trained with binary cross-entropy; the port's
criterion was taken from a regression script and is nn.MSELoss."""

from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


criterion = nn.MSELoss()   # BUG: the NumPy network minimises binary cross-entropy (nn.BCELoss)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
